import { readFileSync } from "node:fs";
import { FINGERPRINT_DATASET, type FingerprintFile } from "./dataset.js";

// The fingerprints hostscan ships: data/webappanalyzer/fingerprints.json, built from the vendored
// webappanalyzer snapshot by `npm run fingerprints` (GPL-3.0, notice beside it). Read from the
// package itself: nothing is fetched, at install or at run time.

// The same depth from src/judge/fingerprints/ (tests) and dist/judge/fingerprints/ (the CLI).
const FILE = new URL("../../../data/webappanalyzer/fingerprints.json", import.meta.url);

/** Reads the shipped fingerprint file (synchronously; call lazily, on first use). */
export function readFingerprintFile(): FingerprintFile {
  const file = JSON.parse(readFileSync(FILE, "utf8")) as FingerprintFile;
  // A file built from another snapshot than the code names would mislabel every profile.
  if (file.format !== 1 || file.dataset?.version !== FINGERPRINT_DATASET.version)
    throw new Error(`${FILE.pathname}: not built from ${FINGERPRINT_DATASET.version}`);
  return file;
}
