// jCard (RFC 7095) as RDAP carries it in `vcardArray` (RFC 9083 §5.1): ["vcard", [[name,
// params, type, value], …]]. Decoded tolerantly: anything malformed is skipped (and noted).
import type { JsonView } from "./json-view.js";
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

/** One property: its lower-cased name, its parameters and its value. */
interface Prop {
  name: string;
  params: JsonView;
  value: JsonView;
}

// A card lists a few dozen properties; a hostile one could list a million.
const MAX_PROPS = 200;
const MAX_TYPES = 10;

function props(vcardArray: JsonView): Prop[] {
  const out: Prop[] = [];
  for (const p of vcardArray.at(1).list(MAX_PROPS)) {
    const name = p.at(0).string();
    if (name === null || !Array.isArray(p.value) || p.value.length < 4) continue;
    out.push({ name: name.toLowerCase(), params: p.at(1), value: p.at(3) });
  }
  return out;
}

function text(value: JsonView): string | null {
  // Structured values (org with units, adr) arrive as arrays: take the first non-empty string.
  if (Array.isArray(value.value)) {
    for (const m of value.list(MAX_TYPES)) {
      const t = typeof m.value === "string" ? cleanText(m.value) : null;
      if (t) return t;
    }
    return null;
  }
  return cleanText(value.string());
}

function types(p: Prop): string[] {
  return p.params
    .get("type")
    .strings(MAX_TYPES)
    .map((t) => t.toLowerCase());
}

function rank(p: Prop): number {
  if (types(p).includes("abuse")) return 0;
  return p.params.get("pref").number() ?? 100;
}

const ALPHA2 = /^[A-Za-z]{2}$/;

function country(p: Prop): string | null {
  const cc = p.params.get("cc").string();
  if (cc && ALPHA2.test(cc)) return cc.toUpperCase();
  const last = Array.isArray(p.value.value) ? p.value.at(6).string()?.trim() : null;
  return last && ALPHA2.test(last) ? last.toUpperCase() : null;
}

/** Decodes a `vcardArray`; a missing or malformed one gives an empty card. */
export function readVCard(vcardArray: JsonView): VCard {
  const all = props(vcardArray);
  const of = (name: string) => all.filter((p) => p.name === name);
  const first = (name: string) =>
    of(name)
      .map((p) => text(p.value))
      .find((v) => v) ?? null;
  const ranked = (name: string) =>
    of(name)
      .map((p) => ({ p, rank: rank(p) }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ p }) => p);
  const emails = ranked("email")
    .map((p) => cleanEmail(p.value.string()))
    .filter((e): e is string => e !== null);
  const phones = ranked("tel")
    .filter((p) => !types(p).some((t) => t.includes("fax")))
    .map((p) => cleanPhone(p.value.text()))
    .filter((t): t is string => t !== null);
  return {
    fn: first("fn"),
    org: first("org"),
    kind: first("kind")?.toLowerCase() ?? null,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    url:
      of("url")
        .map((p) => cleanUrl(p.value.string()))
        .find((u) => u) ?? null,
    country:
      of("adr")
        .map(country)
        .find((c) => c) ?? null,
  };
}
