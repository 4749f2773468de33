import type { Evidence } from "../evidence.js";
import type { Technology } from "../profile/types.js";
import {
  type CompiledFingerprints,
  type CompiledTechnology,
  createFingerprintCache,
} from "./compile.js";
import { type Detection, matchTechnology } from "./match.js";
import { resolveDetections } from "./resolve.js";
import { type PageSignals, pageSignals } from "./signals.js";

// The dataset is static: compiled on the first page and kept for the process (never at import,
// so `hostscan --version` does not pay for ~7,500 technologies).
const fingerprints = createFingerprintCache();

/** The compiled fingerprint dataset (compiling it on first call). */
export function loadFingerprints(): CompiledFingerprints {
  return fingerprints();
}

// The technologies whose rules could match this page: by header, cookie and meta names present,
// by required literals found in the html slice and script URLs, plus those never pre-selectable.
function candidates(fp: CompiledFingerprints, s: PageSignals): Set<CompiledTechnology> {
  const out = new Set<CompiledTechnology>(fp.index.always);
  const addAll = (list: CompiledTechnology[] | undefined) => {
    for (const t of list ?? []) out.add(t);
  };
  for (const name of Object.keys(s.headers)) addAll(fp.index.headers.get(name));
  for (const name of Object.keys(s.cookies)) addAll(fp.index.cookies.get(name.toLowerCase()));
  for (const name of Object.keys(s.meta)) addAll(fp.index.meta.get(name));
  if (s.htmlLower)
    for (const [lit, list] of fp.index.htmlLiterals) if (s.htmlLower.includes(lit)) addAll(list);
  if (s.scriptsLower)
    for (const [lit, list] of fp.index.scriptLiterals)
      if (s.scriptsLower.includes(lit)) addAll(list);
  return out;
}

/**
 * The technologies the evidence shows: the page (headers, cookies, meta, html, script URLs,
 * URL), the certificate issuer and the DNS answers, matched against the webappanalyzer data.
 * Pure over the evidence; [] when there is neither a page nor DNS evidence.
 */
export function detectTechnologies(
  evidence: Evidence,
  fp: CompiledFingerprints = fingerprints(),
): Technology[] {
  if (!evidence.http && !evidence.dns) return [];
  const signals = pageSignals(evidence);
  const detections: Detection[] = [];
  for (const tech of candidates(fp, signals)) {
    const d = matchTechnology(tech, signals);
    if (d) detections.push(d);
  }
  return resolveDetections(detections, fp);
}
