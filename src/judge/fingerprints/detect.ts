import type { Technology } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { candidateTechnologies } from "./candidates.js";
import { type CompiledFingerprints, createFingerprintCache } from "./compile.js";
import { type Detection, matchTechnology } from "./match.js";
import { createPagelessFingerprintCache } from "./pageless.js";
import { resolveDetections } from "./resolve.js";
import { pageSignals } from "./signals.js";

// The dataset is static: compiled on the first page and kept for the process (never at import,
// so `hostscan --version` does not pay for ~7,500 technologies).
const fingerprints = createFingerprintCache();
// Under --passive there is never a page: the DNS-rule subset gives the same answers for a
// fraction of the compile time. (A full run compiles the whole dataset for its pages anyway.)
const pagelessFingerprints = createPagelessFingerprintCache();

/** The compiled fingerprint dataset (compiling it on first call). */
export function loadFingerprints(): CompiledFingerprints {
  return fingerprints();
}

/**
 * The technologies the evidence shows: the page (headers, cookies, meta, html, script URLs,
 * URL), the certificate issuer and the DNS answers, matched against the webappanalyzer data.
 * Pure over the evidence; [] when there is neither a page nor DNS evidence.
 */
export function detectTechnologies(evidence: Evidence, fp?: CompiledFingerprints): Technology[] {
  if (!evidence.http && !evidence.dns) return [];
  const data = fp ?? (evidence.passive && !evidence.http ? pagelessFingerprints() : fingerprints());
  const signals = pageSignals(evidence);
  const detections: Detection[] = [];
  for (const tech of candidateTechnologies(data, signals)) {
    const d = matchTechnology(tech, signals);
    if (d) detections.push(d);
  }
  return resolveDetections(detections, data);
}
