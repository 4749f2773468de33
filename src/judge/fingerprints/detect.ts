import type { Technology } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { candidateTechnologies } from "./candidates.js";
import { type CompiledFingerprints, createFingerprintCache } from "./compile.js";
import { type Detection, matchTechnology } from "./match.js";
import { resolveDetections } from "./resolve.js";
import { pageSignals } from "./signals.js";

// The dataset is static: loaded on first use and kept for the process (never at import, so
// `hostscan --version` does not read it). Technologies are compiled as pages need them, and the
// html/script literal indexes built on the first page that has html or scripts, so --passive
// pays only for the file and its key index.
const fingerprints = createFingerprintCache();

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
  const data = fp ?? fingerprints();
  const signals = pageSignals(evidence);
  const detections: Detection[] = [];
  for (const tech of candidateTechnologies(data, signals)) {
    const d = matchTechnology(tech, signals);
    if (d) detections.push(d);
  }
  return resolveDetections(detections, data);
}
