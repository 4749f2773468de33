import { createResolver } from "./dns/resolver.js";
import type { Resolver } from "./dns/types.js";
import type { ScanOptions } from "./options.js";

export type LogLevel = "warn" | "info" | "debug";

/** Where diagnostics go; the CLI writes them to stderr, tests collect them. */
export type LogSink = (level: LogLevel, message: string) => void;

/** Time, injected so tests can fix it. */
export interface Clock {
  now(): number;
}

/**
 * Everything a scan shares across targets: one DNS client (its cache and in-flight
 * de-duplication), clients, caches, clock and log. Built once per run by `createContext()`;
 * no module-level singletons.
 */
export interface Context {
  options: ScanOptions;
  resolver: Resolver;
  clock: Clock;
  log: LogSink;
  /** Releases every socket, pool and timer the context holds. */
  close(): Promise<void>;
}

export interface ContextDeps {
  /** Replaces the DNS client (tests). */
  resolver?: Resolver;
  clock?: Clock;
  log?: LogSink;
  /** Text of /etc/resolv.conf when no --resolver/--doh is given (read by the CLI). */
  resolvConf?: string | null;
}

/** Builds the shared context of one run. */
export function createContext(options: ScanOptions, deps: ContextDeps = {}): Context {
  const resolver =
    deps.resolver ??
    createResolver({
      servers: options.resolvers,
      doh: options.doh,
      timeoutMs: options.timeoutMs,
      resolvConf: deps.resolvConf ?? null,
    });
  const closers: (() => Promise<void>)[] = [() => resolver.close()];
  return {
    options,
    resolver,
    clock: deps.clock ?? { now: () => Date.now() },
    log: deps.log ?? (() => {}),
    async close() {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}
