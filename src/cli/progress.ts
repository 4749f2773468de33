/** Counters the progress line is drawn from. */
export interface ProgressState {
  done: number;
  /** Null while the total is not known (streamed input). */
  total: number | null;
  errors: number;
  elapsedMs: number;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h
    ? `${h}h${String(m).padStart(2, "0")}m`
    : m
      ? `${m}m${String(sec).padStart(2, "0")}s`
      : `${sec}s`;
}

/** One progress line: done/total, rate, ETA (when the total is known) and errors so far. */
export function progressLine(s: ProgressState): string {
  const rate = s.elapsedMs > 0 ? (s.done * 1000) / s.elapsedMs : 0;
  const parts = [s.total === null ? `${s.done} done` : `${s.done}/${s.total}`];
  parts.push(`${rate.toFixed(1)}/s`);
  if (s.total !== null && rate > 0)
    parts.push(`ETA ${duration(((s.total - s.done) / rate) * 1000)}`);
  parts.push(`${s.errors} with errors`);
  return parts.join("  ");
}
