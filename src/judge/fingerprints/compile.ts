import { readFingerprintFile } from "./data.js";
import type { FingerprintFile, PackedPattern, PackedTechnology } from "./dataset.js";
import { compilePattern, type Pattern, parsePattern } from "./pattern.js";

/** Rules keyed by a name (header, cookie, meta, DNS record type); cookie names may be regexes. */
export interface NamedRule {
  name: string;
  /** For cookie names written as regexes (Drupal's "SESS[a-f0-9]{32}"). */
  nameRegex: RegExp | null;
  patterns: Pattern[];
}

/** A technology ready for matching: every rule parsed once (each regex built on first use). */
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
  /** Patterns dropped as catastrophic-backtracking risks or invalid in JavaScript (reading it
   * builds every regex of the dataset: for diagnostics only). */
  readonly skipped: { technology: string; source: string; reason: string }[];
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
    // Only literal-less patterns have their regex built here: a dropped one must not put its
    // technology in `always` (which would change the order an implied technology is found in).
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

// Shared by every technology without such rules (most have only a few kinds): never mutated.
const NONE: never[] = [];

function compileList(v: PackedPattern[] | undefined, html = false): Pattern[] {
  return v === undefined ? NONE : v.map((p) => compilePattern(p, { html }));
}

function compileNamed(
  v: Record<string, PackedPattern[]> | undefined,
  regexNames = false,
): NamedRule[] {
  if (v === undefined) return NONE;
  return Object.entries(v).map(([name, patterns]) => {
    let nameRegex: RegExp | null = null;
    if (regexNames && /[[\]()*+?{}|^$\\]/.test(name)) {
      try {
        nameRegex = new RegExp(`^(?:${name})$`, "i");
      } catch {
        nameRegex = null;
      }
    }
    return { name: name.toLowerCase(), nameRegex, patterns: compileList(patterns) };
  });
}

function compileOne(
  name: string,
  raw: PackedTechnology,
  file: FingerprintFile,
): CompiledTechnology {
  const catNames = (ids: number[] | undefined) =>
    ids === undefined
      ? NONE
      : ids.map((id) => file.categories[String(id)]).filter((c): c is string => !!c);
  return {
    name,
    categories: catNames(raw.cats),
    headers: compileNamed(raw.headers),
    cookies: compileNamed(raw.cookies, true),
    meta: compileNamed(raw.meta),
    dns: raw.dns ? compileNamed(raw.dns).map((r) => ({ ...r, name: r.name.toUpperCase() })) : NONE,
    html: compileList(raw.html, true),
    scriptSrc: compileList(raw.scriptSrc),
    url: compileList(raw.url),
    certIssuer: compileList(raw.certIssuer),
    implies: (raw.implies ?? NONE).map((text) => {
      const p = parsePattern(text);
      return { name: p.source, confidence: p.confidence };
    }),
    excludes: (raw.excludes ?? NONE).map((t) => t.split("\\;")[0] as string),
    requires: (raw.requires ?? NONE).map((t) => t.split("\\;")[0] as string),
    requiresCategory: catNames(raw.requiresCategory),
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

// Every pattern of the technologies that was dropped, and why (builds each regex not yet built).
function skippedPatterns(technologies: CompiledTechnology[]): CompiledFingerprints["skipped"] {
  const out: CompiledFingerprints["skipped"] = [];
  for (const t of technologies) {
    const named = [...t.headers, ...t.cookies, ...t.meta, ...t.dns].flatMap((r) => r.patterns);
    for (const p of [...named, ...t.html, ...t.scriptSrc, ...t.url, ...t.certIssuer])
      if (p.skipped) out.push({ technology: t.name, source: p.source, reason: p.skipped });
  }
  return out;
}

/**
 * Compiles the dataset: rules parsed and indexed, each regex built when first used. Technologies
 * with no rule hostscan can evaluate (only js/dom/xhr rules) are kept for `implies` but never
 * matched directly.
 */
export function compileFingerprints(
  data: FingerprintFile = readFingerprintFile(),
): CompiledFingerprints {
  const technologies: CompiledTechnology[] = [];
  const byName = new Map<string, CompiledTechnology>();
  for (const [name, raw] of Object.entries(data.technologies)) {
    const tech = compileOne(name, raw, data);
    byName.set(name, tech);
    if (hasRules(tech) || tech.implies.length > 0) technologies.push(tech);
  }
  const matchable = technologies.filter(hasRules);
  let skipped: CompiledFingerprints["skipped"] | null = null;
  return {
    technologies: matchable,
    byName,
    index: buildIndex(matchable),
    version: `${data.dataset.name}@${data.dataset.version}`,
    license: data.dataset.license,
    get skipped() {
      skipped ??= skippedPatterns(matchable);
      return skipped;
    },
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
