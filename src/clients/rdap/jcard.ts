// jCard (RFC 7095) as RDAP carries it in `vcardArray` (RFC 9083 §5.1): ["vcard", [[name,
// params, type, value], …]]. Decoded tolerantly: anything malformed is skipped.
import { cleanEmail, cleanPhone, cleanText, cleanUrl } from "./sanitize.js";

/** The few vCard members hostscan uses, each already sanitised. */
export interface VCard {
  fn: string | null;
  org: string | null;
  kind: string | null;
  /** E-mail addresses; those typed "abuse" (RIPE) or with the best `pref` first. */
  emails: string[];
  phones: string[];
  url: string | null;
  /** ISO 3166 alpha-2 code from `adr` (country member or `cc` parameter), or null. */
  country: string | null;
}

type Prop = [string, Record<string, unknown>, string, unknown];

function props(vcardArray: unknown): Prop[] {
  if (!Array.isArray(vcardArray) || !Array.isArray(vcardArray[1])) return [];
  return (vcardArray[1] as unknown[]).filter(
    (p): p is Prop => Array.isArray(p) && p.length >= 4 && typeof p[0] === "string",
  );
}

function params(p: Prop): Record<string, unknown> {
  return p[1] && typeof p[1] === "object" ? p[1] : {};
}

function text(value: unknown): string | null {
  // Structured values (org with units, adr) arrive as arrays: take the first non-empty member.
  if (Array.isArray(value)) return text(value.find((v) => typeof v === "string" && v.trim()));
  return cleanText(value);
}

function rank(p: Prop): number {
  const ps = params(p);
  const types = [ps.type].flat().map((t) => String(t).toLowerCase());
  if (types.includes("abuse")) return 0;
  const pref = Number(ps.pref);
  return Number.isFinite(pref) ? pref : 100;
}

function country(p: Prop): string | null {
  const cc = params(p).cc;
  if (typeof cc === "string" && /^[A-Za-z]{2}$/.test(cc)) return cc.toUpperCase();
  const value = p[3];
  const last = Array.isArray(value) ? value[6] : null;
  return typeof last === "string" && /^[A-Za-z]{2}$/.test(last.trim())
    ? last.trim().toUpperCase()
    : null;
}

/** Decodes a `vcardArray`; a missing or malformed one gives an empty card. */
export function readVCard(vcardArray: unknown): VCard {
  const all = props(vcardArray);
  const of = (name: string) => all.filter((p) => p[0].toLowerCase() === name);
  const first = (name: string) =>
    of(name)
      .map((p) => text(p[3]))
      .find((v) => v) ?? null;
  const emails = of("email")
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => cleanEmail(p[3]))
    .filter((e): e is string => e !== null);
  const phones = of("tel")
    .filter((p) => !/fax/i.test(JSON.stringify(params(p).type ?? "")))
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => cleanPhone(p[3]))
    .filter((t): t is string => t !== null);
  return {
    fn: first("fn"),
    org: first("org"),
    kind: first("kind")?.toLowerCase() ?? null,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    url:
      of("url")
        .map((p) => cleanUrl(p[3]))
        .find((u) => u) ?? null,
    country:
      of("adr")
        .map(country)
        .find((c) => c) ?? null,
  };
}
