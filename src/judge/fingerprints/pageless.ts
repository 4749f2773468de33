import { type CompiledFingerprints, compileFingerprints } from "./compile.js";
import { readFingerprintFile } from "./data.js";
import type { FingerprintFile } from "./dataset.js";
import { parsePattern } from "./pattern.js";

// Without a page (--passive, or the site did not answer) only DNS rules can match, and html rules
// that need no literal (they run even on an empty page). Compiling just those technologies, and
// what they imply, gives the same answers as the whole dataset at a fraction of the start-up cost.

/** The dataset cut to what can match without a page, plus everything that implies, transitively. */
export function pagelessSubset(data: FingerprintFile): FingerprintFile {
  const all = data.technologies;
  const keep = new Set<string>();
  const queue: string[] = [];
  for (const [name, raw] of Object.entries(all)) {
    const dns = Object.keys(raw.dns ?? {}).length > 0;
    const bareHtml = (raw.html ?? []).some(([, literal]) => !literal);
    if (dns || bareHtml) {
      keep.add(name);
      queue.push(name);
    }
  }
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const text of all[name]?.implies ?? []) {
      const implied = parsePattern(text).source;
      if (!Object.hasOwn(all, implied) || keep.has(implied)) continue;
      keep.add(implied);
      queue.push(implied);
    }
  }
  const technologies: FingerprintFile["technologies"] = {};
  for (const [name, raw] of Object.entries(all)) if (keep.has(name)) technologies[name] = raw;
  return { ...data, technologies };
}

/** A once-per-process cache of the compiled page-less subset, filled on first use. */
export function createPagelessFingerprintCache(): () => CompiledFingerprints {
  let compiled: CompiledFingerprints | null = null;
  return () => {
    compiled ??= compileFingerprints(pagelessSubset(readFingerprintFile()));
    return compiled;
  };
}
