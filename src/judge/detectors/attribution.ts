// Shared pieces of the role detectors: evidence hits, confidence and their wording.

import type { ProviderEntry } from "../../catalogue/index.js";
import type { Confidence, NetworkEntry, Provider } from "../../profile/types.js";
import { reportTo } from "./report-to.js";

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

/** A short, single-line rendering of a header value for evidence strings. */
export function shortValue(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * How a host name matched a catalogue name pattern, in words: nothing when the name is the
 * pattern itself, else ", a name under ns.cloudflare.com" (patterns are label suffixes; never a
 * bare pattern in brackets).
 */
export function matching(name: string, pattern: string): string {
  return name.toLowerCase() === pattern.toLowerCase() ? "" : `, a name under ${pattern}`;
}
