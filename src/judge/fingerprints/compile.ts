import { readFingerprintFile } from "./data.js";
import type { FingerprintFile, Keyed, PackedIndex, PackedTechnology } from "./dataset.js";
import { deriveIndex } from "./derive-index.js";
import { type CompiledTechnology, compileTechnology, hasRules } from "./technology.js";

export type { CompiledTechnology, NamedRule } from "./technology.js";

/** The dataset ready for matching: each technology compiled the first time it is needed. */
export interface CompiledFingerprints {
  /** The technology at a position of the file (compiled on first use). */
  tech(id: number): CompiledTechnology;
  /** Every technology by name (compiled on first use). */
  byName: {
    get(name: string): CompiledTechnology | undefined;
    has(name: string): boolean;
    readonly size: number;
  };
  /** The technologies with rules, all compiled (for tests and diagnostics: costs the lot). */
  readonly technologies: CompiledTechnology[];
  version: string;
  license: string;
  /** Which technologies a page can possibly match, by the signal that would trigger them. */
  index: FingerprintIndex;
  /** The same index as shipped, for the candidate routes (candidates.ts). */
  packed: PackedIndex;
  /** Patterns dropped as catastrophic-backtracking risks or invalid in JavaScript (reading it
   * builds every regex of the dataset: for diagnostics only). */
  readonly skipped: { technology: string; source: string; reason: string }[];
}

/** Inverted index (technology positions): a page only runs the rules of technologies whose keys
 * or literals it holds. */
export interface FingerprintIndex {
  headers: Map<string, number[]>;
  cookies: Map<string, number[]>;
  meta: Map<string, number[]>;
  htmlLiterals: Map<string, number[]>;
  scriptLiterals: Map<string, number[]>;
  always: number[];
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

const toMap = <T>(list: Keyed<T>) => new Map(list);

/**
 * Loads the dataset: the shipped index is used as is and each technology compiled when a page
 * makes it a candidate (or a detection needs it by name); data without an index (a test's own)
 * gets one derived. Technologies with no rule hostscan can evaluate are kept for `implies` only.
 */
export function compileFingerprints(
  data: FingerprintFile = readFingerprintFile(),
): CompiledFingerprints {
  const names = Object.keys(data.technologies);
  const ids = new Map(names.map((name, id) => [name, id]));
  const compiled: (CompiledTechnology | undefined)[] = new Array(names.length);
  const tech = (id: number): CompiledTechnology => {
    let t = compiled[id];
    if (!t) {
      const name = names[id] as string;
      const text = data.technologies[name] as string;
      t = compileTechnology(name, JSON.parse(text) as PackedTechnology, data.categories);
      compiled[id] = t;
    }
    return t;
  };
  const all = () => names.map((_, id) => tech(id));
  const packed = data.index ?? deriveIndex(all());
  let matchable: CompiledTechnology[] | null = null;
  let skipped: CompiledFingerprints["skipped"] | null = null;
  return {
    tech,
    byName: {
      get: (name) => {
        const id = ids.get(name);
        return id === undefined ? undefined : tech(id);
      },
      has: (name) => ids.has(name),
      size: names.length,
    },
    get technologies() {
      matchable ??= all().filter(hasRules);
      return matchable;
    },
    index: {
      headers: toMap(packed.headers),
      cookies: toMap(packed.cookies),
      meta: toMap(packed.meta),
      htmlLiterals: toMap(packed.htmlLiterals),
      scriptLiterals: toMap(packed.scriptLiterals),
      always: packed.always,
    },
    packed,
    version: `${data.dataset.name}@${data.dataset.version}`,
    license: data.dataset.license,
    get skipped() {
      skipped ??= skippedPatterns(this.technologies);
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
