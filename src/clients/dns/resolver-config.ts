// Which servers a resolver asks, how long it waits and how often it tries: --resolver/--doh
// first, then resolv.conf, then a documented last resort.
import type { Dispatcher } from "undici";
import type { LogSink } from "../log.js";
import { parseResolvConf } from "./resolv-conf.js";
import type { DnsServer } from "./types.js";

export interface ResolverOptions {
  /** Servers to ask (--resolver); empty means resolv.conf's. */
  servers: DnsServer[];
  /** RFC 8484 endpoint; when set, replaces UDP/TCP. */
  doh: string | null;
  /** Per try, in milliseconds (lowered by resolv.conf's `options timeout:` when it is used). */
  timeoutMs: number;
  /** Text of /etc/resolv.conf, or null when not read. */
  resolvConf: string | null;
  /** Tries per server (default: resolv.conf's `attempts:`, else 2). */
  attempts?: number;
  /** HTTP dispatcher for DoH (proxy, tests); a private Agent is made when absent. */
  dispatcher?: Dispatcher;
  /** Clock for the cache (tests); Date.now by default. */
  now?: () => number;
  /** Most answers cached at once (default 10000). */
  maxCacheEntries?: number;
  /** Where each lookup's outcome (debug) and a silent resolver (warn) are reported. */
  log?: LogSink;
  /**
   * Lookups in a row with no reply from any server after which later ones fail at once
   * (default 8); one at a time is still asked, so the run recovers when the network does.
   */
  giveUpAfter?: number;
}

/**
 * Last resort when neither --resolver, --doh nor resolv.conf names a server: Cloudflare's and
 * Google's public resolvers (documented in the README).
 */
export const FALLBACK_SERVERS: readonly DnsServer[] = [
  { host: "1.1.1.1", port: 53 },
  { host: "8.8.8.8", port: 53 },
];

/** The servers, per-try timeout and tries per server a resolver will use. */
export function resolverConfig(opts: ResolverOptions): {
  servers: DnsServer[];
  timeoutMs: number;
  attempts: number;
} {
  let servers = opts.servers;
  let timeoutMs = opts.timeoutMs;
  let attempts = opts.attempts ?? null;
  if (servers.length === 0 && !opts.doh) {
    const conf = parseResolvConf(opts.resolvConf ?? "");
    servers = conf.servers.length > 0 ? conf.servers : [...FALLBACK_SERVERS];
    if (conf.timeoutMs !== null) timeoutMs = Math.min(timeoutMs, conf.timeoutMs);
    attempts ??= conf.attempts;
  }
  return { servers, timeoutMs: Math.max(1, timeoutMs), attempts: Math.max(1, attempts ?? 2) };
}
