// Registry data is written by strangers: every value hostscan prints goes through here.

// A value longer than this many times its cap is cut before cleaning: a 4 MB remark costs
// no more than a short one (white space runs collapse, so some slack is kept).
const SLACK = 4;

/** Text without control characters (C0, DEL, C1, bidi overrides), one line, bounded; null if empty. */
export function cleanText(value: unknown, max = 300): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value)
    .slice(0, max * SLACK + 64)
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// Characters an address part may not hold (white space, "@", angle brackets, quotes).
const ADDRESS_PART = /^[^\s@<>"]+$/;

/** A plausible e-mail address (lower-cased, "mailto:" dropped), or null. */
export function cleanEmail(value: unknown): string | null {
  const text = cleanText(value, 254)?.replace(/^mailto:/i, "");
  if (!text) return null;
  // local@domain, the domain with a dot inside it: split by hand, no backtracking.
  const at = text.indexOf("@");
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  const dot = domain.indexOf(".", 1);
  const ok =
    at > 0 &&
    ADDRESS_PART.test(local) &&
    ADDRESS_PART.test(domain) &&
    dot > 0 &&
    domain.lastIndexOf(".") < domain.length - 1;
  return ok ? text.toLowerCase() : null;
}

/**
 * A telephone number as published, without a "tel:" prefix, or null: digits and the usual
 * separators (E.164 "+1.5555555555", "+49 (0)30 1234-5", "ext." suffixes), nothing else.
 */
export function cleanPhone(value: unknown): string | null {
  const text = cleanText(value, 64)?.replace(/^tel:/i, "");
  if (!text || !/\d/.test(text)) return null;
  if (PHONE_CHARS.test(text)) return text;
  // An extension: "<number> x 12", "ext. 12", ";ext=12" — peeled from the end, no backtracking.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) >= 48 && text.charCodeAt(end - 1) <= 57) end--;
  if (end === text.length) return null;
  const rest = text.slice(0, end).trimEnd().toLowerCase();
  const mark = ["ext.", "ext", ";ext=", "x"].find((m) => rest.endsWith(m));
  const number = mark ? rest.slice(0, rest.length - mark.length) : "";
  return number && PHONE_CHARS.test(number) ? text : null;
}

const PHONE_CHARS = /^[+\d\s().\-/]+$/;

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
