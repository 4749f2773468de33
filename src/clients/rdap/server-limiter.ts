import { HostscanError } from "../errors.js";

/** Releases a slot taken with `ServerLimiter.acquire`. Calling it twice is harmless. */
export type Release = () => void;

interface ServerState {
  inFlight: number;
  waiters: (() => void)[];
  /** Epoch ms before which nobody may send to this server (after a 429 / Retry-After). */
  pausedUntil: number;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new HostscanError("ABORTED", "aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Per-server politeness shared by a whole run: at most `maxInFlight` requests at a time to one
 * server (keyed by origin or host:port), and a shared pause when a server says "slow down".
 */
export class ServerLimiter {
  private readonly servers = new Map<string, ServerState>();
  /** Highest in-flight count seen per server (diagnostics and tests). */
  readonly peak = new Map<string, number>();

  constructor(
    private readonly maxInFlight: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private state(server: string): ServerState {
    let s = this.servers.get(server);
    if (!s) {
      s = { inFlight: 0, waiters: [], pausedUntil: 0 };
      this.servers.set(server, s);
    }
    return s;
  }

  /** Waits for a free slot (and the end of any pause) for `server`; returns its release. */
  async acquire(server: string, signal?: AbortSignal): Promise<Release> {
    const s = this.state(server);
    while (s.inFlight >= this.maxInFlight) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = () => {
          s.waiters = s.waiters.filter((w) => w !== wake);
          reject(signal?.reason);
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        s.waiters.push(wake);
      });
    }
    s.inFlight++;
    this.peak.set(server, Math.max(this.peak.get(server) ?? 0, s.inFlight));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      s.inFlight--;
      s.waiters.shift()?.();
    };
    try {
      const wait = s.pausedUntil - this.now();
      if (wait > 0) await sleep(wait, signal);
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  /** Asks everyone to hold off `server` for `ms` (a 429/503 with Retry-After, or backoff). */
  pause(server: string, ms: number): void {
    const s = this.state(server);
    s.pausedUntil = Math.max(s.pausedUntil, this.now() + ms);
  }
}
