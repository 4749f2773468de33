// Checks the catalogue's integrity: the rules test/providers-catalogue.test.ts enforces.

import ipaddr from "ipaddr.js";
import { getPublicSuffix } from "tldts";
import { normaliseOrg } from "./index.js";
import { compileNamePattern, nameMatches } from "./names.js";
import type { NameSignalType, ProviderEntry } from "./schema.js";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A cookie name, or a name prefix ending in `*` (RFC 6265 token characters we expect). */
const COOKIE = /^[A-Za-z0-9_.-]+\*?$/;
const LABELS = /^[a-z0-9_*#-]+(\.[a-z0-9_*#-]+)+$/;

/** Every problem found in the catalogue, as readable sentences; empty when it is sound. */
export function validateCatalogue(entries: readonly ProviderEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const asns = new Map<number, string>();
  const names: Record<NameSignalType, { id: string; text: string }[]> = {
    ns: [],
    cname: [],
    mx: [],
    spf: [],
  };
  const prefixes: { id: string; text: string; cidr: [ipaddr.IPv4 | ipaddr.IPv6, number] }[] = [];
  const keyed = new Map<string, string>(); // header rule, issuer, tech → owner id
  const cookies: { id: string; prefix: string }[] = [];

  const claim = (key: string, id: string) => {
    const owner = keyed.get(key);
    if (owner && owner !== id) problems.push(`${key} is claimed by both ${owner} and ${id}`);
    keyed.set(key, id);
  };

  for (const e of entries) {
    if (!ID.test(e.id)) problems.push(`id "${e.id}" is not kebab-case`);
    if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
    ids.add(e.id);
    if (!e.name.trim()) problems.push(`${e.id}: empty name`);
    if (e.kinds.length === 0) problems.push(`${e.id}: no kinds`);
    if (e.abuse && !isUrl(e.abuse.source)) problems.push(`${e.id}: abuse has no source URL`);
    if (e.abuse && !e.abuse.email && !e.abuse.url && !e.abuse.phone)
      problems.push(`${e.id}: empty abuse`);
    if (e.abuse?.url && !isUrl(e.abuse.url)) problems.push(`${e.id}: abuse url is not a URL`);
    if (e.abuse?.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e.abuse.email))
      problems.push(`${e.id}: abuse email is not an address`);
    if (e.network && !entries.some((o) => o.id === e.network))
      problems.push(`${e.id}: unknown network ${e.network}`);
    if (e.owner && !entries.some((o) => o.id === e.owner?.id))
      problems.push(`${e.id}: unknown owner ${e.owner.id}`);
    if (e.owner && !/^https?:\/\//.test(e.owner.source))
      problems.push(`${e.id}: owner without a source`);
    for (const id of e.runsOn ?? []) {
      if (!entries.some((o) => o.id === id)) problems.push(`${e.id}: unknown runsOn ${id}`);
    }
    if (e.signals.length === 0) problems.push(`${e.id}: no signals`);
    for (const s of e.signals) {
      if (!isUrl(s.source)) problems.push(`${e.id}: ${s.type} signal has no source URL`);
      if (s.values.length === 0) problems.push(`${e.id}: empty ${s.type} signal`);
      switch (s.type) {
        case "asn":
          for (const asn of s.values) {
            if (!Number.isInteger(asn) || asn < 1 || asn > 4294967295)
              problems.push(`${e.id}: bad ASN ${asn}`);
            const owner = asns.get(asn);
            if (owner && owner !== e.id)
              problems.push(`AS${asn} is claimed by both ${owner} and ${e.id}`);
            asns.set(asn, e.id);
          }
          break;
        case "prefix":
          for (const text of s.values) {
            if (!ipaddr.isValidCIDR(text)) problems.push(`${e.id}: bad prefix ${text}`);
            else prefixes.push({ id: e.id, text, cidr: ipaddr.parseCIDR(text) });
          }
          break;
        case "ns":
        case "cname":
        case "mx":
        case "spf":
          for (const text of s.values) {
            if (!LABELS.test(text)) problems.push(`${e.id}: bad ${s.type} pattern ${text}`);
            else if (openWildcard(text))
              problems.push(`${e.id}: ${s.type} pattern ${text} lets anyone register a match`);
            else names[s.type].push({ id: e.id, text });
          }
          break;
        case "header":
          for (const rule of s.values) {
            if (rule.name !== rule.name.toLowerCase())
              problems.push(`${e.id}: header ${rule.name} not lower-case`);
            if (rule.pattern !== undefined && !compiles(rule.pattern))
              problems.push(`${e.id}: bad regex ${rule.pattern}`);
            claim(`header ${rule.name}: ${rule.pattern ?? "(present)"}`, e.id);
          }
          break;
        case "cookie":
          for (const value of s.values) {
            if (!COOKIE.test(value)) problems.push(`${e.id}: bad cookie name ${value}`);
            cookies.push({ id: e.id, prefix: value.replace(/\*$/, "") });
          }
          break;
        case "issuer":
          for (const org of s.values) claim(`issuer ${normaliseOrg(org)}`, e.id);
          break;
        case "tech":
          for (const name of s.values) claim(`technology ${name.toLowerCase()}`, e.id);
          break;
      }
    }
  }

  for (const type of Object.keys(names) as NameSignalType[])
    problems.push(...shadowedNames(type, names[type]));
  for (let i = 0; i < prefixes.length; i++) {
    for (let j = i + 1; j < prefixes.length; j++) {
      const a = prefixes[i];
      const b = prefixes[j];
      if (!a || !b || a.id === b.id || a.cidr[0].kind() !== b.cidr[0].kind()) continue;
      if (overlaps(a.cidr, b.cidr))
        problems.push(`prefix ${a.text} (${a.id}) overlaps ${b.text} (${b.id})`);
    }
  }
  for (const a of cookies) {
    for (const b of cookies) {
      if (a.id !== b.id && b.prefix.startsWith(a.prefix)) {
        problems.push(`cookie prefix ${a.prefix} (${a.id}) shadows ${b.prefix} (${b.id})`);
      }
    }
  }
  return problems;
}

/**
 * True when a `*` sits in the label just left of a public suffix (`awsdns-*.com`): anyone can
 * register `awsdns-evil.com`. Below a provider's own domain (`inbound-smtp.*.amazonaws.com`) or
 * as digits only (`awsdns-##.com`) it cannot be claimed that freely.
 */
function openWildcard(text: string): boolean {
  const labels = text.split(".");
  const i = labels.findIndex((l) => l.includes("*"));
  if (i < 0) return false;
  const rest = labels.slice(i + 1).join(".");
  return getPublicSuffix(`x.${rest}`, { allowPrivateDomains: false }) === rest;
}

/** Name patterns of one type where one provider's pattern would also match another's. */
function shadowedNames(type: NameSignalType, list: { id: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const a of list) {
    const pa = compileNamePattern(a.text);
    for (const b of list) {
      if (a.id === b.id) continue;
      // A pattern shadows another when every name the other matches also matches it: test on
      // the other's text with its wildcards filled in.
      if (nameMatches(pa, b.text.replaceAll("*", "x1").replaceAll("#", "7"))) {
        out.push(`${type} pattern ${a.text} (${a.id}) shadows ${b.text} (${b.id})`);
      }
    }
  }
  return out;
}

function overlaps(
  a: [ipaddr.IPv4 | ipaddr.IPv6, number],
  b: [ipaddr.IPv4 | ipaddr.IPv6, number],
): boolean {
  return a[0].match(b) || b[0].match(a);
}

function isUrl(s: string): boolean {
  return /^https?:\/\/[^\s/]+/.test(s);
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, "i");
    return true;
  } catch {
    return false;
  }
}
