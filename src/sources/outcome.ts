import type { ErrorEntry } from "../profile/types.js";

/** ok: found something; empty: asked and got "nothing"; error: could not ask; skipped: not asked. */
export type SourceStatus = "ok" | "empty" | "error" | "skipped";

/** What one source returns: its value (or null) and the errors it met. */
export interface SourceResult<T> {
  status: SourceStatus;
  value: T | null;
  errors: ErrorEntry[];
}

/** A source's result as the scan records it, with how long the source took (timed by the scan). */
export interface SourceOutcome<T> extends SourceResult<T> {
  durationMs: number;
}
