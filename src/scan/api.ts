import { setMaxListeners } from "node:events";
// The library's front door: `scan()` one target, `scanMany()` a list, with the CLI's defaults.
import type { Profile } from "../profile/types.js";
import { type Context, type ContextDeps, createContext, type LogSink } from "./context.js";
import { defaultOptions, type ScanOptions } from "./options.js";
import { runSignal } from "./run-signal.js";
import { scanInput } from "./scan-input.js";
import { systemResolvConf } from "./system-resolvers.js";
import type { Target } from "./targets/types.js";

/** Options of `scan()` and `scanMany()`: any ScanOptions field, plus the run's plumbing. */
export interface LibraryOptions extends Partial<ScanOptions> {
  /** Stops the scan: unfinished targets end with ABORTED errors. */
  signal?: AbortSignal;
  /** Diagnostics (warnings, and with a verbose sink, every request); silent by default. */
  log?: LogSink;
  /** A context shared across calls (its caches and pools); it is not closed for you. */
  context?: Context;
  /** Replaces clients (tests). */
  deps?: ContextDeps;
}

/** A context and whether this call owns it (and must close it). */
function contextFor(options: LibraryOptions): { ctx: Context; owned: boolean } {
  if (options.context) return { ctx: options.context, owned: false };
  const { signal: _s, log, context: _c, deps, ...overrides } = options;
  const scanOptions = defaultOptions(overrides);
  const ctx = createContext(scanOptions, {
    // Like the CLI: the machine's resolvers unless --resolver/--doh say otherwise.
    resolvConf: systemResolvConf(scanOptions),
    ...(log ? { log } : {}),
    ...deps,
  });
  return { ctx, owned: true };
}

/** Scans one target (a domain, URL, e-mail address or parsed Target) into its profile. */
export async function scan(
  target: string | Target,
  options: LibraryOptions = {},
): Promise<Profile> {
  const { ctx, owned } = contextFor(options);
  const run = runSignal(options.signal);
  try {
    return await scanInput(ctx, target, run.signal);
  } finally {
    run.dispose();
    if (owned) await ctx.close();
  }
}

/**
 * Scans many targets, `concurrency` at a time, yielding their profiles in input order. Breaking
 * out of the loop stops the targets still in flight.
 */
export async function* scanMany(
  targets: Iterable<string | Target> | AsyncIterable<string | Target>,
  options: LibraryOptions = {},
): AsyncGenerator<Profile> {
  const { ctx, owned } = contextFor(options);
  const run = runSignal(options.signal);
  const stop = new AbortController();
  run.signal.addEventListener("abort", () => stop.abort(run.signal.reason), { once: true });
  setMaxListeners(0, stop.signal);
  const concurrency = Math.max(1, ctx.options.concurrency);
  const pending: Promise<Profile>[] = [];
  try {
    for await (const target of targets) {
      pending.push(scanInput(ctx, target, stop.signal));
      if (pending.length >= concurrency) yield await (pending.shift() as Promise<Profile>);
    }
    while (pending.length > 0) yield await (pending.shift() as Promise<Profile>);
  } finally {
    stop.abort(new DOMException("scanMany stopped", "AbortError"));
    await Promise.allSettled(pending);
    run.dispose();
    if (owned) await ctx.close();
  }
}
