// Facts more than one role needs, derived once before the detectors run, so no detector
// re-runs or changes another's work (hosting asks whether a CDN fronts the site).
import type { Evidence } from "../../sources/evidence.js";
import type { Candidate } from "./attribution.js";
import { cdnCandidates } from "./cdn-candidates.js";

export interface Derived {
  /** Every CDN candidate with its evidence, before the CDN detector's choice. */
  readonly cdnCandidates: readonly Candidate[];
}

export function derive(e: Evidence): Derived {
  return { cdnCandidates: cdnCandidates(e) };
}
