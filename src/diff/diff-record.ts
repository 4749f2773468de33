// One pair of scans → the record the diff prints, or null when nothing that matters changed.
import { compareProfiles } from "./compare.js";
import type { Pair } from "./pair-up.js";
import { DIFF_SCHEMA, type DiffOptions, type DiffRecord } from "./types.js";

/** The diff record of a paired target; null when the two scans agree. */
export function diffRecord(pair: Pair, options: DiffOptions): DiffRecord | null {
  const p = pair.new ?? pair.old;
  if (!p) return null;
  const base = { schema: DIFF_SCHEMA, target: p.target, host: p.host } as const;
  if (!pair.old) return { ...base, status: "appeared", changes: [] };
  if (!pair.new) return { ...base, status: "disappeared", changes: [] };
  const changes = compareProfiles(pair.old, pair.new, options);
  return changes.length ? { ...base, status: "changed", changes } : null;
}
