// Catalogue signals found on the site's own traffic: its addresses, its CNAME chain and the
// headers and cookies of its final response. Third-party assets never count here.

import {
  matchCookies,
  matchHeaders,
  type ProviderEntry,
  providerByAddress,
  providerByAsn,
  providerByName,
} from "../../catalogue/index.js";
import type { NetworkEntry } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { sameAddress } from "../../util/same-address.js";
import { addHit, type Candidate, describeAddress, shortValue } from "./attribution.js";
import { prefixAgrees } from "./ownership.js";

type Filter = (entry: ProviderEntry) => boolean;

/**
 * The addresses the site's traffic came from: the server that answered the final request when
 * it is not one of the host's own (a redirect to www on another network), else the host's
 * network entries when the ASN source answered, else bare DNS answers.
 */
export function siteAddresses(e: Evidence): NetworkEntry[] {
  const answered = e.answering?.network;
  if (answered) return [answered];
  return hostAddresses(e);
}

/** The target host's own addresses (its A/AAAA records), with their networks when known. */
export function hostAddresses(e: Evidence): NetworkEntry[] {
  if (e.network && e.network.site.length > 0) return e.network.site;
  const ips = [...(e.dns?.section.a ?? []), ...(e.dns?.section.aaaa ?? [])];
  return ips.map((ip) => ({
    ip,
    asn: null,
    asName: null,
    prefix: null,
    country: null,
    registry: null,
    org: null,
    ptr: null,
    abuse: null,
  }));
}

/** Network hits: an address in the provider's AS, or in one of its listed prefixes. */
export function addressHits(e: Evidence, keep: Filter, into: Map<string, Candidate>): void {
  for (const net of siteAddresses(e)) {
    const byAsn = providerByAsn(net.asn);
    if (byAsn && keep(byAsn))
      addHit(into, byAsn, { channel: "network", evidence: describeAddress(net) }, net);
    const byPrefix = providerByAddress(net.ip);
    // A listed range the registry data contradicts (reassigned since) is not evidence.
    if (
      byPrefix &&
      keep(byPrefix.entry) &&
      byPrefix.entry !== byAsn &&
      prefixAgrees(net, byPrefix.entry)
    ) {
      const where = `${describeAddress(net)}, in ${byPrefix.entry.name} range ${byPrefix.prefix}`;
      addHit(into, byPrefix.entry, { channel: "network", evidence: where }, net);
    }
  }
}

/**
 * The CNAME chain that leads to the site's traffic: the final host's after a redirect within
 * the site; else the walk of the address family that answered; else, not knowing which, the
 * steps both walks share (a zone can send A into a platform's zone and AAAA to itself).
 */
function siteChain(e: Evidence): { from: string; to: string }[] {
  if (e.answering?.chain) return e.answering.chain;
  const dns = e.dns;
  if (!dns) return [];
  const chains = dns.chains;
  const remote = e.http?.section.remoteAddress;
  const { a, aaaa } = dns.section;
  if (remote) {
    if (a.some((ip) => sameAddress(ip, remote))) return chains.a;
    if (aaaa.some((ip) => sameAddress(ip, remote))) return chains.aaaa;
    return [];
  }
  if (a.length === 0) return chains.aaaa;
  if (aaaa.length === 0) return chains.a;
  // The steps both walks share (Akamai's edgekey.net step, before per-family edge names).
  const shared: { from: string; to: string }[] = [];
  for (const [i, step] of chains.a.entries()) {
    const other = chains.aaaa[i];
    if (!other || other.from !== step.from || other.to !== step.to) break;
    shared.push(step);
  }
  return shared;
}

/** DNS hits: a name in the CNAME chain of the site's traffic inside the provider's domains. */
export function cnameHits(e: Evidence, keep: Filter, into: Map<string, Candidate>): void {
  for (const { from, to } of siteChain(e)) {
    const match = providerByName("cname", to);
    if (match && keep(match.entry)) {
      addHit(into, match.entry, { channel: "dns", evidence: `CNAME ${from} → ${to}` });
    }
  }
}

/** HTTP hits: the provider's headers or cookies on the final response. */
export function httpHits(e: Evidence, keep: Filter, into: Map<string, Candidate>): void {
  if (!e.http) return;
  for (const hit of matchHeaders(e.http.section.headers)) {
    if (!keep(hit.entry)) continue;
    const seen = hit.pattern
      ? `header ${hit.header}: ${shortValue(hit.value)}`
      : `header ${hit.header} present`;
    if (hit.weak) {
      addHit(into, hit.entry, { channel: "http", evidence: `${seen} (${hit.weak})`, weak: true });
    } else {
      addHit(into, hit.entry, { channel: "http", evidence: seen });
    }
  }
  for (const hit of matchCookies(Object.keys(e.http.cookies))) {
    if (keep(hit.entry))
      addHit(into, hit.entry, { channel: "http", evidence: `cookie ${hit.cookie} set` });
  }
}

/** True when only HTTP headers or cookies speak for the candidate. */
export function httpOnly(c: Candidate): boolean {
  return c.hits.every((h) => h.channel === "http");
}
