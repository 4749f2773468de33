// Shared pieces of the role detectors: evidence hits, confidence, network wording and abuse.

import type { AbuseContact, Confidence, NetworkEntry, Provider } from "../profile/types.js";
import {
  CATALOGUE,
  catalogueAbuse,
  type ProviderEntry,
  providerByAddress,
  providerByAsn,
  providerById,
} from "../providers/index.js";

/** Independent places evidence comes from; two different channels agreeing make "high". */
export type Channel = "network" | "dns" | "http" | "spf";

/** One matched signal, worded for the profile's evidence list. */
export interface Hit {
  channel: Channel;
  evidence: string;
  /** A decisive hit makes "high" on its own (an NS name in the provider's own zone). */
  decisive?: boolean;
  /** A hint only: never more than "low", and no channel that confirms another hit. */
  weak?: boolean;
}

/** The evidence gathered for one catalogue provider while judging one role. */
export interface Candidate {
  entry: ProviderEntry;
  hits: Hit[];
  /** Site/nameserver/MX networks attributed to this provider (for its ASN and RDAP abuse). */
  networks: NetworkEntry[];
  /** The most the evidence may claim (the site's addresses are split between networks). */
  cap?: Confidence;
}

/** The independent channels that the non-hint hits come from. */
function channelsOf(hits: Hit[]): Set<Channel> {
  return new Set(hits.filter((h) => !h.weak).map((h) => h.channel));
}

/** "high" for a decisive hit or two channels agreeing, "medium" for one, "low" for hints only. */
export function confidenceOf(hits: Hit[]): Confidence {
  if (hits.some((h) => h.decisive && !h.weak)) return "high";
  const channels = channelsOf(hits);
  if (channels.size >= 2) return "high";
  return channels.size === 1 ? "medium" : "low";
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** The candidate's confidence, within its cap. */
export function candidateConfidence(c: Candidate): Confidence {
  const got = confidenceOf(c.hits);
  return c.cap && RANK[c.cap] < RANK[got] ? c.cap : got;
}

/** The candidate with the strongest evidence (confidence, then channels, then hits; ties: first). */
export function strongest(candidates: Iterable<Candidate>): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const score =
      RANK[candidateConfidence(c)] * 10000 + channelsOf(c.hits).size * 100 + c.hits.length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Adds a hit to the candidate for `entry`, creating it; the same evidence is kept once. */
export function addHit(
  map: Map<string, Candidate>,
  entry: ProviderEntry,
  hit: Hit,
  net?: NetworkEntry,
): void {
  let c = map.get(entry.id);
  if (!c) {
    c = { entry, hits: [], networks: [] };
    map.set(entry.id, c);
  }
  if (!c.hits.some((h) => h.evidence === hit.evidence)) c.hits.push(hit);
  if (net && !c.networks.includes(net)) c.networks.push(net);
}

/** "A 104.21.3.4 in AS13335 (CLOUDFLARENET)"; the record type follows the address family. */
export function describeAddress(net: NetworkEntry, label?: string): string {
  const rr = label ?? (net.ip.includes(":") ? "AAAA" : "A");
  if (net.asn == null) return `${rr} ${net.ip}${net.org ? ` registered to ${net.org}` : ""}`;
  return `${rr} ${net.ip} in AS${net.asn}${net.asName ? ` (${net.asName})` : ""}`;
}

/** An abuse contact with every field null (the contract requires the object). */
export function noAbuse(): AbuseContact {
  return { email: null, url: null, phone: null };
}

/** True when the RDAP contact carries at least one way to write. */
function usable(a: AbuseContact | null | undefined): a is AbuseContact {
  return !!a && (!!a.email || !!a.url || !!a.phone);
}

/** The catalogue's abuse channel, else the first RDAP abuse contact of the given networks. */
export function abuseFor(entry: ProviderEntry | null, networks: NetworkEntry[]): AbuseContact {
  return reportTo(entry, networks).abuse;
}

/** A provider's abuse contact and, when there is one, where it comes from (`abuseSource`). */
export function reportTo(
  entry: ProviderEntry | null,
  networks: NetworkEntry[],
): { abuse: AbuseContact; abuseSource?: string } {
  const fromCatalogue = entry ? catalogued(entry) : null;
  if (fromCatalogue) return fromCatalogue;
  // The same company's network entry (WordPress VIP → Automattic) takes reports for it.
  const parent = entry?.network ? providerById(entry.network) : undefined;
  const fromParent = parent ? catalogued(parent) : null;
  if (entry && parent && fromParent) {
    return {
      abuse: fromParent.abuse,
      abuseSource: `${parent.name}, which runs ${entry.name}: ${fromParent.abuseSource}`,
    };
  }
  const owner = entry?.owner ? providerById(entry.owner.id) : undefined;
  const fromRdap = rdapContact(entry, [parent, owner], networks);
  if (fromRdap) return fromRdap;
  // The company that owns the service (Sucuri is GoDaddy's) takes reports for it.
  const fromOwner = owner ? catalogued(owner) : null;
  if (entry?.owner && owner && fromOwner) {
    return {
      abuse: fromOwner.abuse,
      abuseSource: `${owner.name}, which owns ${entry.name} (${entry.owner.source}): ${fromOwner.abuseSource}`,
    };
  }
  return { abuse: noAbuse() };
}

/** The RDAP abuse contact of a block registered to the provider (or its company). */
/** The RDAP abuse contact of a block registered to the provider (or its company). */
function rdapContact(
  entry: ProviderEntry | null,
  related: (ProviderEntry | undefined)[],
  networks: NetworkEntry[],
): { abuse: AbuseContact; abuseSource: string } | null {
  // Only a block the RIR registers to the provider (or its company) carries its contact: a
  // reseller's reassignment inside its AS, or its address in AWS, is somebody else's. Without a
  // registrant, the provider's own AS has to speak for it. An owner named from the registry data
  // itself (no catalogue entry) is that data's organisation.
  const companies = entry ? [entry, ...related.filter((c) => c !== undefined)] : [];
  const own = entry
    ? networks.filter((n) =>
        n.org
          ? companies.some((c) => registeredTo(n.org, c.name))
          : companies.some((c) => c.id === providerByAsn(n.asn)?.id),
      )
    : networks;
  const net = own.find((n) => usable(n.abuse));
  if (!net?.abuse) return null;
  const { email, url, phone } = net.abuse;
  const holder = net.org ? `, registered to ${net.org}` : "";
  return {
    abuse: { email, url, phone },
    abuseSource: `RDAP abuse contact of the network of ${net.ip}${holder}`,
  };
}

/** The catalogue's own abuse channel of an entry, with its source. */
function catalogued(entry: ProviderEntry): { abuse: AbuseContact; abuseSource: string } | null {
  const abuse = catalogueAbuse(entry);
  if (!abuse || !entry.abuse) return null;
  const how = entry.abuse.unverified ? ", not confirmed from a primary source" : "";
  return { abuse, abuseSource: `hostscan provider catalogue (${entry.abuse.source}${how})` };
}

/** A network that is the provider's own: its AS is the provider's, or the RIR registers the block
 * to it (Zoho's MX hosts, whose AS the catalogue does not list). */
export function ownNetwork(net: NetworkEntry, entry: ProviderEntry): boolean {
  return providerByAsn(net.asn)?.id === entry.id || registeredTo(net.org, entry.name);
}

/**
 * True when the network data supports a prefix the catalogue lists for `entry`: the RIR
 * registers the block to the provider (or its company), or the provider's AS announces it.
 * Either one is enough (Shopify's own block is announced by Cloudflare; Imperva's blocks are
 * registered to Incapsula but announced from Imperva's AS); without either, a range that has
 * been reassigned since would name the wrong company. With no network data at all, the list
 * stands.
 */
export function prefixAgrees(net: NetworkEntry, entry: ProviderEntry): boolean {
  const ids = [
    entry.id,
    ...(entry.network ? [entry.network] : []),
    ...(entry.owner ? [entry.owner.id] : []),
    ...(entry.runsOn ?? []),
  ];
  const companies = ids.map((id) => providerById(id)).filter((c) => c !== undefined);
  const orgAgrees = !!net.org && companies.some((c) => registeredTo(net.org, c.name));
  const asOwner = providerByAsn(net.asn);
  const asAgrees = !!asOwner && ids.includes(asOwner.id);
  // Nothing known contradicts it: the list stands.
  if (!net.org && net.asn == null) return true;
  return orgAgrees || asAgrees;
}

/** "shopify" from "Shopify, Inc." or "Shopify": the lower-case name before any punctuation. */
function nameKey(name: string): string {
  return name.toLowerCase().split(/[^a-z0-9]+/)[0] ?? "";
}

/** Words a company's registered name may carry after its own name ("Amazon Technologies Inc."). */
const CORPORATE = new Set(
  (
    "inc incorporated llc ltd limited corp corporation co company plc gmbh ag sa sas sarl srl bv " +
    "nv oy ab as spa pty pte kk lp llp se com net org technologies technology services service " +
    "data web networks network computing cloud systems internet online hosting media group " +
    "holdings international global operations solutions labs"
  ).split(" "),
);

/**
 * True when the RDAP organisation of a network is the provider: the same leading name word,
 * followed only by corporate words ("Shopify, Inc.", "Amazon.com, Inc." for Amazon; not
 * "Squarespace Fans e.V.", which any club could register).
 */
export function registeredTo(org: string | null, providerName: string): boolean {
  const key = nameKey(providerName);
  if (!org || key.length < 3) return false;
  const words = org
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words[0] === key && words.slice(1).every((w) => CORPORATE.has(w) || w.length <= 1);
}

/** The profile's Provider for a catalogue candidate. */
export function toProvider(
  c: Candidate,
  extra: { note?: string; evidence?: string[] } = {},
): Provider {
  const provider: Provider = {
    name: c.entry.name,
    asn: c.networks.find((n) => n.asn != null)?.asn ?? null,
    confidence: candidateConfidence(c),
    evidence: [...c.hits.map((h) => h.evidence), ...(extra.evidence ?? [])],
    ...reportTo(c.entry, c.networks),
    id: c.entry.id,
  };
  if (extra.note) provider.note = extra.note;
  return provider;
}

/** Who owns a network entry: a catalogue entry (by listed prefix of a hosting-kind entry, else
 * by ASN) or, failing that, the organisation the registry data names. */
export interface NetworkOwner {
  entry: ProviderEntry | null;
  /** Catalogue id, else "org:<name>" so uncatalogued owners group too. */
  key: string;
  name: string;
  /** The catalogue prefix that placed the address, when that decided it. */
  prefix: string | null;
}

/** The owner of the network an address sits in, or null when nothing is known about it. */
export function ownerOf(net: NetworkEntry): NetworkOwner | null {
  const byPrefix = providerByAddress(net.ip);
  if (byPrefix?.entry.kinds.includes("hosting") && prefixAgrees(net, byPrefix.entry)) {
    return {
      entry: byPrefix.entry,
      key: byPrefix.entry.id,
      name: byPrefix.entry.name,
      prefix: byPrefix.prefix,
    };
  }
  const byAsn = providerByAsn(net.asn);
  if (byAsn) return { entry: byAsn, key: byAsn.id, name: byAsn.name, prefix: null };
  // The AS lookup failed, but the RIR names a catalogued network's company as the registrant.
  const byOrg =
    net.asn == null && net.org
      ? CATALOGUE.find(
          (c) => c.kinds.includes("hosting") && !c.network && registeredTo(net.org, c.name),
        )
      : undefined;
  if (byOrg) return { entry: byOrg, key: byOrg.id, name: byOrg.name, prefix: null };
  const name = clean(net.org) ?? clean(net.asName) ?? (net.asn != null ? `AS${net.asn}` : null);
  return name ? { entry: null, key: `org:${name.toLowerCase()}`, name, prefix: null } : null;
}

/** The owner of the network holding `prefer` (the address that answered), else the most common
 * owner among the networks (first seen wins a tie), with its networks. */
export function commonOwner(
  nets: NetworkEntry[],
  prefer: string | null = null,
): { owner: NetworkOwner; networks: NetworkEntry[] } | null {
  const groups = new Map<string, { owner: NetworkOwner; networks: NetworkEntry[] }>();
  for (const net of nets) {
    const owner = ownerOf(net);
    if (!owner) continue;
    const g = groups.get(owner.key) ?? { owner, networks: [] };
    g.networks.push(net);
    groups.set(owner.key, g);
  }
  let best: { owner: NetworkOwner; networks: NetworkEntry[] } | null = null;
  // The network that answered is where the response came from, however many others are listed.
  for (const g of groups.values()) if (g.networks.some((n) => n.ip === prefer)) return g;
  for (const g of groups.values()) if (!best || g.networks.length > best.networks.length) best = g;
  return best;
}

/** A short, single-line rendering of a header value for evidence strings. */
export function shortValue(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function clean(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
