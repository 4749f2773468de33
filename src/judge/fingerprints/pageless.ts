import { type CompiledFingerprints, compileFingerprints } from "./compile.js";
import { type FingerprintData, type RawPatterns, readFingerprintData } from "./data.js";
import { requiredLiteral } from "./regex-guard.js";

// Without a page (--passive, or the site did not answer) only DNS rules can match, and html rules
// that need no literal (they run even on an empty page). Compiling just those technologies, and
// what they imply, gives the same answers as the whole dataset at a fraction of the start-up cost.

const list = (v: RawPatterns | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

const regexText = (pattern: string) => pattern.split("\\;")[0] ?? "";

/** The dataset cut to what can match without a page, plus everything that implies, transitively. */
export function pagelessSubset(data: FingerprintData): FingerprintData {
  const all = data.technologies;
  const keep = new Set<string>();
  const queue: string[] = [];
  for (const [name, raw] of Object.entries(all)) {
    const dns = Object.keys(raw.dns ?? {}).length > 0;
    const bareHtml = list(raw.html).some((p) => !requiredLiteral(regexText(p)));
    if (dns || bareHtml) {
      keep.add(name);
      queue.push(name);
    }
  }
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const implied of list(all[name]?.implies).map(regexText)) {
      if (!Object.hasOwn(all, implied) || keep.has(implied)) continue;
      keep.add(implied);
      queue.push(implied);
    }
  }
  const technologies: FingerprintData["technologies"] = {};
  for (const [name, raw] of Object.entries(all)) if (keep.has(name)) technologies[name] = raw;
  return { ...data, technologies };
}

/** A once-per-process cache of the compiled page-less subset, filled on first use. */
export function createPagelessFingerprintCache(): () => CompiledFingerprints {
  let compiled: CompiledFingerprints | null = null;
  return () => {
    compiled ??= compileFingerprints(pagelessSubset(readFingerprintData()));
    return compiled;
  };
}
