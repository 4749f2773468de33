import { tallyLine } from "./tally.js";

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

// Erase the terminal line the progress is drawn on.
const CLEAR_LINE = "\r\x1b[K";

/** The progress line on stderr: redrawn at most every 100 ms, cleared before output. */
export class ProgressDisplay {
  private done = 0;
  private errors = 0;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stderr: { write(chunk: string): boolean },
    private readonly enabled: boolean,
    private total: number | null,
  ) {}

  /** The total, once it is known (a regular file's targets are counted alongside the scan). */
  setTotal(total: number): void {
    this.total = total;
  }

  /** The line a batch ends with: "hostscan: 16 scanned, 1 failed, 12.3 s". */
  tally(failed: number): string {
    return tallyLine({ scanned: this.done, failed, elapsedMs: Date.now() - this.started });
  }

  /** Counts one finished target and redraws when due. */
  finished(withErrors: boolean): void {
    this.done += 1;
    if (withErrors) this.errors += 1;
    if (!this.enabled || Date.now() - this.lastDraw <= 100) return;
    this.lastDraw = Date.now();
    const elapsedMs = this.lastDraw - this.started;
    const line = progressLine({
      done: this.done,
      total: this.total,
      errors: this.errors,
      elapsedMs,
    });
    this.stderr.write(`${CLEAR_LINE}${line}`);
  }

  /** Removes the line (before output goes to the same terminal, and at the end). */
  clear(): void {
    if (this.enabled) this.stderr.write(CLEAR_LINE);
  }
}
