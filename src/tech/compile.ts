import {
  type FingerprintData,
  type RawPatterns,
  type RawTechnology,
  readFingerprintData,
} from "./data.js";
import { compilePattern, type Pattern } from "./pattern.js";

/** Rules keyed by a name (header, cookie, meta, DNS record type); cookie names may be regexes. */
export interface NamedRule {
  name: string;
  /** For cookie names written as regexes (Drupal's "SESS[a-f0-9]{32}"). */
  nameRegex: RegExp | null;
  patterns: Pattern[];
}

/** A technology ready for matching: every rule compiled once. */
export interface CompiledTechnology {
  name: string;
  categories: string[];
  headers: NamedRule[];
  cookies: NamedRule[];
  meta: NamedRule[];
  dns: NamedRule[];
  html: Pattern[];
  scriptSrc: Pattern[];
  url: Pattern[];
  certIssuer: Pattern[];
  implies: { name: string; confidence: number }[];
  excludes: string[];
  requires: string[];
  requiresCategory: string[];
  /** The dataset's `saas` and `oss` flags (absent = false). */
  saas: boolean;
  oss: boolean;
}

/** The compiled dataset and facts about it (for the README and the benchmark). */
export interface CompiledFingerprints {
  technologies: CompiledTechnology[];
  byName: Map<string, CompiledTechnology>;
  version: string;
  license: string;
  /** Which technologies a page can possibly match, by the signal that would trigger them. */
  index: FingerprintIndex;
  /** Patterns dropped as catastrophic-backtracking risks or invalid in JavaScript. */
  skipped: { technology: string; source: string; reason: string }[];
}

/** Inverted index: a page only runs the rules of technologies whose keys or literals it holds. */
export interface FingerprintIndex {
  headers: Map<string, CompiledTechnology[]>;
  cookies: Map<string, CompiledTechnology[]>;
  meta: Map<string, CompiledTechnology[]>;
  htmlLiterals: Map<string, CompiledTechnology[]>;
  scriptLiterals: Map<string, CompiledTechnology[]>;
  /** Technologies with rules no key or literal can pre-select (dns, url, regex cookie names…). */
  always: CompiledTechnology[];
}

function buildIndex(technologies: CompiledTechnology[]): FingerprintIndex {
  const index: FingerprintIndex = {
    headers: new Map(),
    cookies: new Map(),
    meta: new Map(),
    htmlLiterals: new Map(),
    scriptLiterals: new Map(),
    always: [],
  };
  const add = (map: Map<string, CompiledTechnology[]>, key: string, t: CompiledTechnology) => {
    const list = map.get(key);
    if (!list) map.set(key, [t]);
    else if (list[list.length - 1] !== t) list.push(t);
  };
  for (const t of technologies) {
    let always = t.dns.length + t.url.length + t.certIssuer.length > 0;
    for (const r of t.headers) add(index.headers, r.name, t);
    for (const r of t.meta) add(index.meta, r.name, t);
    for (const r of t.cookies) {
      if (r.nameRegex) always = true;
      else add(index.cookies, r.name, t);
    }
    for (const p of t.html) {
      if (p.literal) add(index.htmlLiterals, p.literal, t);
      else if (p.regex) always = true;
    }
    for (const p of t.scriptSrc) {
      if (p.literal) add(index.scriptLiterals, p.literal, t);
      else if (p.regex) always = true;
    }
    if (always) index.always.push(t);
  }
  return index;
}

const list = (v: RawPatterns | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function compileList(
  v: RawPatterns | undefined,
  skipped: CompiledFingerprints["skipped"],
  tech: string,
  html = false,
): Pattern[] {
  return list(v).map((text) => {
    const p = compilePattern(text, { html });
    if (p.skipped) skipped.push({ technology: tech, source: p.source, reason: p.skipped });
    return p;
  });
}

function compileNamed(
  v: Record<string, RawPatterns> | undefined,
  skipped: CompiledFingerprints["skipped"],
  tech: string,
  regexNames = false,
): NamedRule[] {
  return Object.entries(v ?? {}).map(([name, patterns]) => {
    let nameRegex: RegExp | null = null;
    if (regexNames && /[[\]()*+?{}|^$\\]/.test(name)) {
      try {
        nameRegex = new RegExp(`^(?:${name})$`, "i");
      } catch {
        nameRegex = null;
      }
    }
    return { name: name.toLowerCase(), nameRegex, patterns: compileList(patterns, skipped, tech) };
  });
}

function compileOne(
  name: string,
  raw: RawTechnology,
  data: FingerprintData,
  skipped: CompiledFingerprints["skipped"],
) {
  const catNames = (ids: number[]) =>
    ids.map((id) => data.categories[String(id)]).filter((c): c is string => !!c);
  const reqCats =
    raw.requiresCategory === undefined
      ? []
      : Array.isArray(raw.requiresCategory)
        ? raw.requiresCategory
        : [raw.requiresCategory];
  return {
    name,
    categories: catNames(raw.cats ?? []),
    headers: compileNamed(raw.headers, skipped, name),
    cookies: compileNamed(raw.cookies, skipped, name, true),
    meta: compileNamed(raw.meta, skipped, name),
    dns: compileNamed(raw.dns, skipped, name).map((r) => ({ ...r, name: r.name.toUpperCase() })),
    html: compileList(raw.html, skipped, name, true),
    scriptSrc: compileList(raw.scriptSrc, skipped, name),
    url: compileList(raw.url, skipped, name),
    certIssuer: compileList(raw.certIssuer, skipped, name),
    implies: list(raw.implies).map((text) => {
      const p = compilePattern(text);
      return { name: p.source, confidence: p.confidence };
    }),
    excludes: list(raw.excludes).map((t) => t.split("\\;")[0] as string),
    requires: list(raw.requires).map((t) => t.split("\\;")[0] as string),
    requiresCategory: catNames(reqCats),
    saas: raw.saas === true,
    oss: raw.oss === true,
  };
}

function hasRules(t: CompiledTechnology): boolean {
  return (
    t.headers.length +
      t.cookies.length +
      t.meta.length +
      t.dns.length +
      t.html.length +
      t.scriptSrc.length +
      t.url.length +
      t.certIssuer.length >
    0
  );
}

/**
 * Compiles the dataset. Technologies with no rule hostscan can evaluate (only js/dom/xhr rules)
 * are kept for `implies` but never matched directly.
 */
export function compileFingerprints(
  data: FingerprintData = readFingerprintData(),
): CompiledFingerprints {
  const skipped: CompiledFingerprints["skipped"] = [];
  const technologies: CompiledTechnology[] = [];
  const byName = new Map<string, CompiledTechnology>();
  for (const [name, raw] of Object.entries(data.technologies)) {
    const tech = compileOne(name, raw, data, skipped);
    byName.set(name, tech);
    if (hasRules(tech) || tech.implies.length > 0) technologies.push(tech);
  }
  const matchable = technologies.filter(hasRules);
  return {
    technologies: matchable,
    byName,
    index: buildIndex(matchable),
    version: data.version,
    license: data.license,
    skipped,
  };
}

/** A once-per-process cache of the compiled dataset, filled on first use (not at import). */
export function createFingerprintCache(): () => CompiledFingerprints {
  let compiled: CompiledFingerprints | null = null;
  return () => {
    compiled ??= compileFingerprints();
    return compiled;
  };
}
