// The CDN / reverse proxy / WAF in front of the site: the strongest of the candidates its own
// traffic points to (cdn-candidates.ts).

import type { Provider } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { strongest, toProvider } from "./attribution.js";
import { type Derived, derive } from "./derived.js";

/** The CDN in front of the site, or null when its own traffic shows none. */
export function detectCdn(e: Evidence, derived: Derived = derive(e)): Provider | null {
  const best = strongest(derived.cdnCandidates);
  return best ? toProvider(best) : null;
}
