import type { ErrorEntry } from "../profile/types.js";

/** ok: found something; empty: asked and got "nothing"; error: could not ask; skipped: not asked. */
export type SourceStatus = "ok" | "empty" | "error" | "skipped";

/** What one source returns: its value (or null), the errors it met, and how long it took. */
export interface SourceOutcome<T> {
  status: SourceStatus;
  value: T | null;
  errors: ErrorEntry[];
  durationMs: number;
}
