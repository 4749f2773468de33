import type { Technology } from "../../profile/types.js";
import type { CompiledFingerprints } from "./compile.js";
import type { Detection } from "./match.js";

// Numeric-aware version order: "6.10" > "6.9", more parts wins a tie ("6.6.1" > "6.6").
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    const d =
      Number.isNaN(na) || Number.isNaN(nb) ? String(pa[i]).localeCompare(String(pb[i])) : na - nb;
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

interface Found {
  confidence: number;
  version: string | null;
  thirdParty: boolean;
  /** Kinds of rule that matched; an implied technology gets "implied" plus its impliers' kinds. */
  via: Set<string>;
}

// Adds the kinds to the set; true when it grew.
function merge(into: Set<string>, kinds: Iterable<string>): boolean {
  const before = into.size;
  for (const k of kinds) into.add(k);
  return into.size > before;
}

/**
 * Wappalyzer's resolution: drop detections whose `requires`/`requiresCategory` are absent, add
 * what detected technologies `imply` (with the implier's confidence, third-party status carried),
 * remove what they `exclude`, cap confidence at 100 and pick the highest version seen. Each
 * technology records which kinds of rule showed it (`via`), and the dataset's saas/oss flags.
 */
export function resolveDetections(detections: Detection[], fp: CompiledFingerprints): Technology[] {
  const found = new Map<string, Found>();
  for (const d of detections) {
    const version = d.versions.sort(compareVersions).at(-1) ?? null;
    found.set(d.tech.name, {
      confidence: Math.min(100, d.confidence),
      version,
      thirdParty: d.thirdPartyOnly,
      via: new Set(d.via),
    });
  }
  const categoriesOf = (name: string) => fp.byName.get(name)?.categories ?? [];
  for (const name of [...found.keys()]) {
    const tech = fp.byName.get(name);
    if (!tech) continue;
    const missing = tech.requires.length > 0 && !tech.requires.some((r) => found.has(r));
    const present = new Set([...found.keys()].filter((n) => n !== name).flatMap(categoriesOf));
    const missingCat =
      tech.requiresCategory.length > 0 && !tech.requiresCategory.some((c) => present.has(c));
    if (missing || missingCat) found.delete(name);
  }
  const queue = [...found.keys()];
  for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) {
    const name = queue.shift() as string;
    const from = found.get(name);
    const tech = fp.byName.get(name);
    if (!from || !tech) continue;
    for (const implied of tech.implies) {
      if (!fp.byName.has(implied.name)) continue;
      const confidence = Math.min(from.confidence, implied.confidence);
      const existing = found.get(implied.name);
      if (existing) {
        existing.thirdParty &&= from.thirdParty;
        // What it implies must learn of the new kinds too (a DNS-only chain seen on the page).
        if (merge(existing.via, ["implied", ...from.via])) queue.push(implied.name);
        continue;
      }
      const via = new Set(["implied", ...from.via]);
      found.set(implied.name, { confidence, version: null, thirdParty: from.thirdParty, via });
      queue.push(implied.name);
    }
  }
  for (const name of [...found.keys()]) {
    for (const excluded of fp.byName.get(name)?.excludes ?? [])
      if (excluded !== name) found.delete(excluded);
  }
  return [...found.entries()]
    .map(([name, f]) => {
      const tech = fp.byName.get(name);
      const t: Technology = {
        name,
        version: f.version,
        categories: categoriesOf(name),
        confidence: f.confidence,
      };
      if (f.thirdParty) t.thirdParty = true;
      if (tech?.saas) t.saas = true;
      if (tech?.oss) t.oss = true;
      t.via = [...f.via].sort();
      return t;
    })
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}
