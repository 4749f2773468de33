import { FINGERPRINT_DATASET, type FingerprintFile, type PackedTechnology } from "./dataset.js";
import { deriveIndex } from "./derive-index.js";
import { packPattern, parsePattern } from "./pattern.js";
import { compileTechnology } from "./technology.js";

// The build step's pure half (scripts/build-fingerprints.js runs it over the vendored snapshot):
// keeps what hostscan evaluates, drops descriptions, icons, pricing and browser-only rules (js,
// dom, xhr…), and derives each pattern's literals once, so a run does not scan ~15,000 regexes.

/** A rule value as the dataset writes it: one pattern or a list. */
export type RawPatterns = string | string[];

/** One technology as webappanalyzer writes it (the fields hostscan reads). */
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
  saas?: boolean;
  oss?: boolean;
}

const NAMED = ["headers", "cookies", "meta", "dns"] as const;
const PLAIN = ["html", "scriptSrc", "url", "certIssuer"] as const;
const LINKS = ["implies", "excludes", "requires"] as const;

const list = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

const hasRules = (raw: RawTechnology) =>
  NAMED.some((k) => Object.keys(raw[k] ?? {}).length > 0) ||
  PLAIN.some((k) => list(raw[k]).length > 0);

function pack(raw: RawTechnology): PackedTechnology {
  const out: PackedTechnology = {};
  if (raw.cats?.length) out.cats = raw.cats;
  for (const k of NAMED) {
    const entries = Object.entries(raw[k] ?? {});
    if (entries.length > 0)
      out[k] = Object.fromEntries(entries.map(([n, v]) => [n, list(v).map(packPattern)]));
  }
  for (const k of PLAIN) if (list(raw[k]).length > 0) out[k] = list(raw[k]).map(packPattern);
  for (const k of LINKS) if (list(raw[k]).length > 0) out[k] = list(raw[k]);
  if (raw.requiresCategory !== undefined) out.requiresCategory = list(raw.requiresCategory);
  if (raw.saas === true) out.saas = true;
  if (raw.oss === true) out.oss = true;
  return out;
}

/**
 * The shipped subset of the dataset: technologies with a rule hostscan can evaluate, or that
 * another one implies (a technology with neither can never be reported), in the dataset's order,
 * and the literal index derived from them.
 */
export function prepareFingerprints(
  technologies: Record<string, RawTechnology>,
  categories: Record<string, { name?: string }>,
): FingerprintFile {
  const implied = new Set<string>();
  for (const raw of Object.values(technologies))
    for (const text of list(raw.implies)) implied.add(parsePattern(text).source);
  const packed = Object.fromEntries(
    Object.entries(technologies)
      .filter(([name, raw]) => hasRules(raw) || implied.has(name))
      .map(([name, raw]) => [name, pack(raw)]),
  );
  const names: Record<string, string> = {};
  for (const [id, cat] of Object.entries(categories)) if (cat?.name) names[id] = cat.name;
  const compiled = Object.entries(packed).map(([name, t]) => compileTechnology(name, t, names));
  return {
    format: 1,
    dataset: FINGERPRINT_DATASET,
    categories: names,
    technologies: Object.fromEntries(
      Object.entries(packed).map(([name, t]) => [name, JSON.stringify(t)]),
    ),
    index: deriveIndex(compiled),
  };
}
