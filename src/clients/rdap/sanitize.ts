// Registry data is written by strangers: every value hostscan prints goes through here.

/** Text without control characters (C0, DEL, C1, bidi overrides), one line, bounded; null if empty. */
export function cleanText(value: unknown, max = 300): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value)
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A plausible e-mail address (lower-cased, "mailto:" dropped), or null. */
export function cleanEmail(value: unknown): string | null {
  const text = cleanText(value, 254)?.replace(/^mailto:/i, "");
  return text && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text) ? text.toLowerCase() : null;
}

/**
 * A telephone number as published, without a "tel:" prefix, or null: digits and the usual
 * separators (E.164 "+1.5555555555", "+49 (0)30 1234-5", "ext." suffixes), nothing else.
 */
export function cleanPhone(value: unknown): string | null {
  const text = cleanText(value, 64)?.replace(/^tel:/i, "");
  return text && /\d/.test(text) && /^[+\d\s().\-/]+(?:\s*(?:x|ext\.?|;ext=)\s*\d+)?$/i.test(text)
    ? text
    : null;
}

/** An IANA Registrar ID: a number, as IANA assigns them; anything else is not one. */
export function cleanIanaId(value: unknown): string | null {
  const text = cleanText(value, 20);
  return text && /^\d{1,10}$/.test(text) ? text : null;
}

/** An http(s) URL, or null. */
export function cleanUrl(value: unknown): string | null {
  const text = cleanText(value, 500);
  if (!text || !/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text).toString();
  } catch {
    return null;
  }
}
