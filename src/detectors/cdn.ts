// The CDN / reverse proxy / WAF in front of the site, from signals on the site's own traffic.
// A CDN-hosted script, a stylesheet or a CSP mention is not evidence and is never read here.

import type { Evidence } from "../evidence.js";
import type { Provider } from "../profile/types.js";
import type { ProviderEntry } from "../providers/index.js";
import { type Candidate, ownerOf, strongest, toProvider } from "./attribution.js";
import { addressHits, cnameHits, httpHits, httpOnly, siteAddresses } from "./site-signals.js";

const isCdn = (entry: ProviderEntry) => entry.kinds.includes("cdn");

/** Every CDN candidate with its evidence (before the choice), for the hosting detector too. */
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
  return [...found.values()].filter((c) => !(platformEdge && httpOnly(c)));
}

/** The CDN in front of the site, or null when its own traffic shows none. */
export function detectCdn(e: Evidence): Provider | null {
  const best = strongest(cdnCandidates(e));
  return best ? toProvider(best) : null;
}
