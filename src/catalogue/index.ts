// Lookups over the provider catalogue, built once on first use (importing this does nothing).

import ipaddr from "ipaddr.js";
import type { AbuseContact } from "../profile/types.js";
import { CATALOGUE } from "./data/index.js";
import {
  compileNamePattern,
  type NamePattern,
  nameMatches,
  nameSuffixes,
  normaliseName,
} from "./names.js";
import type { NameSignalType, ProviderEntry } from "./schema.js";

export { CATALOGUE } from "./data/index.js";
export type { HeaderRule, NameSignalType, ProviderEntry, ProviderKind, Signal } from "./schema.js";

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

interface CompiledHeader {
  entry: ProviderEntry;
  name: string;
  pattern: RegExp | null;
  text: string;
  weak: string | undefined;
}

interface CatalogueIndex {
  byId: Map<string, ProviderEntry>;
  byAsn: Map<number, ProviderEntry>;
  prefixes: { entry: ProviderEntry; cidr: Cidr; text: string }[];
  names: Record<NameSignalType, Map<string, { entry: ProviderEntry; pattern: NamePattern }[]>>;
  headers: Map<string, CompiledHeader[]>;
  /** Cookie names: exact, or a prefix when the catalogue value ends with `*`. */
  cookies: { entry: ProviderEntry; name: string; prefix: boolean }[];
  issuers: Map<string, ProviderEntry>;
  techs: Map<string, ProviderEntry>;
}

let cached: CatalogueIndex | null = null;

/** Normalises an issuer organisation for comparison (case, typographic apostrophes, spaces). */
export function normaliseOrg(org: string): string {
  return org
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function buildIndex(entries: readonly ProviderEntry[]): CatalogueIndex {
  const index: CatalogueIndex = {
    byId: new Map(),
    byAsn: new Map(),
    prefixes: [],
    names: { ns: new Map(), cname: new Map(), mx: new Map(), spf: new Map() },
    headers: new Map(),
    cookies: [],
    issuers: new Map(),
    techs: new Map(),
  };
  for (const entry of entries) {
    index.byId.set(entry.id, entry);
    for (const signal of entry.signals) {
      switch (signal.type) {
        case "asn":
          for (const asn of signal.values) if (!index.byAsn.has(asn)) index.byAsn.set(asn, entry);
          break;
        case "prefix":
          for (const text of signal.values)
            index.prefixes.push({ entry, cidr: ipaddr.parseCIDR(text), text });
          break;
        case "ns":
        case "cname":
        case "mx":
        case "spf":
          for (const text of signal.values) {
            const pattern = compileNamePattern(text);
            const bucket = index.names[signal.type].get(pattern.key) ?? [];
            bucket.push({ entry, pattern });
            index.names[signal.type].set(pattern.key, bucket);
          }
          break;
        case "header":
          for (const rule of signal.values) {
            const list = index.headers.get(rule.name) ?? [];
            const pattern =
              rule.pattern === undefined
                ? null
                : new RegExp(rule.pattern, rule.caseSensitive ? "" : "i");
            list.push({
              entry,
              name: rule.name,
              pattern,
              text: rule.pattern ?? "",
              weak: rule.weak,
            });
            index.headers.set(rule.name, list);
          }
          break;
        case "cookie":
          for (const value of signal.values) {
            const prefix = value.endsWith("*");
            index.cookies.push({ entry, name: prefix ? value.slice(0, -1) : value, prefix });
          }
          break;
        case "issuer":
          for (const org of signal.values) index.issuers.set(normaliseOrg(org), entry);
          break;
        case "tech":
          for (const name of signal.values) index.techs.set(name.toLowerCase(), entry);
          break;
      }
    }
  }
  return index;
}

function idx(): CatalogueIndex {
  cached ??= buildIndex(CATALOGUE);
  return cached;
}

/** The catalogue entry with this id. */
export function providerById(id: string): ProviderEntry | undefined {
  return idx().byId.get(id);
}

/** The catalogue entry that owns this AS number (e.g. for hosting attribution). */
export function providerByAsn(asn: number | null | undefined): ProviderEntry | undefined {
  return asn == null ? undefined : idx().byAsn.get(asn);
}

/** The entry whose listed prefix holds this address (longest prefix wins), with that prefix. */
export function providerByAddress(
  ip: string,
): { entry: ProviderEntry; prefix: string } | undefined {
  if (!ipaddr.isValid(ip)) return undefined;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  let best: { entry: ProviderEntry; prefix: string; bits: number } | undefined;
  for (const p of idx().prefixes) {
    if (p.cidr[0].kind() !== addr.kind()) continue;
    if (!addr.match(p.cidr)) continue;
    if (!best || p.cidr[1] > best.bits) best = { entry: p.entry, prefix: p.text, bits: p.cidr[1] };
  }
  return best && { entry: best.entry, prefix: best.prefix };
}

/** The entry whose NS/CNAME/MX/SPF pattern matches this name (most specific pattern wins). */
export function providerByName(
  type: NameSignalType,
  name: string,
): { entry: ProviderEntry; pattern: string } | undefined {
  const names = idx().names[type];
  let best: { entry: ProviderEntry; pattern: NamePattern } | undefined;
  for (const key of [...nameSuffixes(name), ""]) {
    for (const candidate of names.get(key) ?? []) {
      if (!nameMatches(candidate.pattern, name)) continue;
      if (!best || candidate.pattern.labels.length > best.pattern.labels.length) best = candidate;
    }
  }
  return best && { entry: best.entry, pattern: best.pattern.text };
}

/** One response header that matched a provider's rule. */
export interface HeaderHit {
  entry: ProviderEntry;
  header: string;
  value: string;
  /** The value pattern that matched, or "" when presence alone counts. */
  pattern: string;
  /** Set for a hint-only rule: what the header does show (see HeaderRule.weak). */
  weak?: string;
}

// Longest header value a pattern is tried on: the values providers' rules describe are short,
// and a server may send many kilobytes (undici allows 16 KiB of headers).
const MAX_MATCHED_VALUE = 2048;

/** Every provider header rule that the (lower-cased) headers satisfy. */
export function matchHeaders(headers: Record<string, string>): HeaderHit[] {
  const hits: HeaderHit[] = [];
  for (const [rawName, value] of Object.entries(headers)) {
    const rules = idx().headers.get(rawName.toLowerCase());
    for (const rule of rules ?? []) {
      if (rule.pattern && (value.length > MAX_MATCHED_VALUE || !rule.pattern.test(value))) continue;
      const hit: HeaderHit = { entry: rule.entry, header: rule.name, value, pattern: rule.text };
      if (rule.weak) hit.weak = rule.weak;
      hits.push(hit);
    }
  }
  return hits;
}

/** Every provider whose cookie-name prefix matches one of these cookie names. */
export function matchCookies(names: Iterable<string>): { entry: ProviderEntry; cookie: string }[] {
  const hits: { entry: ProviderEntry; cookie: string }[] = [];
  for (const cookie of names) {
    for (const rule of idx().cookies) {
      const hit = rule.prefix ? cookie.startsWith(rule.name) : cookie === rule.name;
      if (hit) hits.push({ entry: rule.entry, cookie });
    }
  }
  return hits;
}

/** The certificate authority that uses this issuer organisation. */
export function providerByIssuer(org: string): ProviderEntry | undefined {
  return idx().issuers.get(normaliseOrg(org));
}

/** The hosted platform that a fingerprint technology name stands for. */
export function providerByTechnology(name: string): ProviderEntry | undefined {
  return idx().techs.get(name.toLowerCase());
}

/** The catalogue's abuse channel as the profile's contact shape, or null when it has none. */
export function catalogueAbuse(entry: ProviderEntry): AbuseContact | null {
  const a = entry.abuse;
  if (!a || (!a.email && !a.url && !a.phone)) return null;
  return { email: a.email ?? null, url: a.url ?? null, phone: a.phone ?? null };
}

/** True when the normalised name is a syntactically plausible host name. */
export function isHostName(name: string): boolean {
  return /^[a-z0-9_*-]+(\.[a-z0-9_*-]+)*$/.test(normaliseName(name));
}
