// The CDNs that the site's own traffic points to, each with its evidence, before one is chosen.
// A CDN-hosted script, a stylesheet or a CSP mention is not evidence and is never read here.

import { type ProviderEntry, providerByAddress } from "../../catalogue/index.js";
import type { NetworkEntry } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { sameAddress } from "../../util/same-address.js";
import { type Candidate, describeAddress, type Hit } from "./attribution.js";
import { ownerOf, ownNetwork, registeredTo } from "./ownership.js";
import { addressHits, cnameHits, httpHits, httpOnly, siteAddresses } from "./site-signals.js";

const isCdn = (entry: ProviderEntry) => entry.kinds.includes("cdn");

/** Every CDN candidate with its evidence (before the choice); derived once, for hosting too. */
export function cdnCandidates(e: Evidence): Candidate[] {
  const found = new Map<string, Candidate>();
  addressHits(e, isCdn, found);
  cnameHits(e, isCdn, found);
  httpHits(e, isCdn, found);
  // Headers alone cannot name a CDN when every address belongs to a hosted platform that runs
  // its own edge (Wix answers with Fastly and Google headers from Wix's own network).
  const owners = siteAddresses(e).map(ownerOf);
  const platformEdge =
    owners.length > 0 && owners.every((o) => o?.entry?.kinds.includes("platform") === true);
  const candidates = [...found.values()].filter(
    (c) => !(platformEdge && httpOnly(c)) && !(httpOnly(c) && imitated(e, c)),
  );
  return candidates.map((c) => checkAddresses(e, c));
}

/**
 * True when only headers speak for a CDN and the server that sent them (or, not knowing which,
 * every address of the site) sits in a network known not to be the CDN's: anyone can send
 * `server: cloudflare`. Only CDNs whose own networks the catalogue knows can be told from an
 * imitator; those with edge servers inside other networks (Akamai) are exempt.
 */
function imitated(e: Evidence, c: Candidate): boolean {
  const cdn = c.entry;
  if (cdn.edgesElsewhere) return false;
  const signals = cdn.signals.filter((s) => s.type === "asn" || s.type === "prefix");
  if (signals.length === 0) return false;
  const ids = [cdn.id, ...(cdn.network ? [cdn.network] : []), ...(cdn.runsOn ?? [])];
  const remote = e.http?.section.remoteAddress;
  const nets = siteAddresses(e);
  const judged = remote ? nets.filter((n) => sameAddress(n.ip, remote)) : nets;
  if (judged.length === 0) return false;
  return judged.every((n) => {
    const owner = ownerOf(n)?.entry;
    if (owner && ids.includes(owner.id)) return false;
    if (ownNetwork(n, cdn) || registeredTo(n.org, cdn.name)) return false;
    if (n.asn != null || n.org) return true;
    // Nothing known about the network: only a complete published list rules the address out.
    return !!cdn.completeRanges && providerByAddress(n.ip)?.entry.id !== cdn.id;
  });
}

/**
 * A CDN named by some of the site's addresses must account for the others and for the address
 * that answered: a zone can list one Cloudflare address beside its own server, and that server
 * can send Cloudflare's headers. Addresses owned by somebody else are named and cap the CDN at
 * medium; headers from such an address confirm nothing.
 */
function checkAddresses(e: Evidence, c: Candidate): Candidate {
  if (c.networks.length === 0) return c;
  const mine = (net: NetworkEntry) => {
    if (c.networks.some((n) => sameAddress(n.ip, net.ip))) return true;
    const owner = ownerOf(net)?.entry;
    return !!owner && (owner.id === c.entry.id || owner.id === c.entry.network);
  };
  // Only an address whose network is known can be elsewhere (its AS lookup may have failed).
  const known = (net: NetworkEntry) => net.asn != null || !!providerByAddress(net.ip);
  const others = siteAddresses(e).filter((n) => known(n) && !mine(n));
  if (others.length === 0) return c;
  const outside: Hit[] = others.map((n) => ({
    channel: "network",
    evidence: `also ${describeAddress(n)}, outside ${c.entry.name}`,
    weak: true,
  }));
  const remote = e.http?.section.remoteAddress;
  const answeredOutside = !!remote && others.some((n) => sameAddress(n.ip, remote));
  const hits = answeredOutside
    ? [
        ...c.hits.filter((h) => h.channel !== "http"),
        ...outside,
        {
          channel: "http" as const,
          evidence: `the response came from ${remote}, outside ${c.entry.name}: its headers are not counted`,
          weak: true,
        },
      ]
    : [...c.hits, ...outside];
  return { ...c, cap: "medium", hits };
}
