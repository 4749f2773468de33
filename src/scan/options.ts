import type { DnsServer } from "../clients/dns/types.js";
import type { ConnectTo } from "../clients/net/connect-to.js";
import { DEFAULT_USER_AGENT } from "../clients/probe/user-agent.js";

export type { ConnectTo, DnsServer };

/** Everything a scan can be told; the CLI builds it from argv and env, tests build it directly. */
export interface ScanOptions {
  /** Per network request, in milliseconds. */
  timeoutMs: number;
  /** Targets scanned at once. */
  concurrency: number;
  /** DNS servers; empty means the system's (/etc/resolv.conf). */
  resolvers: DnsServer[];
  /** RFC 8484 DNS-over-HTTPS endpoint instead of UDP/TCP. */
  doh: string | null;
  /** Base URL holding IANA's dns.json, ipv4.json, ipv6.json, asn.json. */
  rdapBootstrap: string;
  connectTo: ConnectTo[];
  /** Explicit proxy URL; null means the environment's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
  proxy: string | null;
  /** Proxy environment variables, as read by the CLI (the only place env is read). */
  proxyEnv: { httpsProxy: string | null; httpProxy: string | null; noProxy: string | null };
  passive: boolean;
  allowPrivate: boolean;
  /** On-disk cache directory; null disables the cache. */
  cacheDir: string | null;
  /** IANA WHOIS server "host[:port]". */
  whoisServer: string;
  userAgent: string;
  maxBodyBytes: number;
  /**
   * Most one target may take, in milliseconds; sources still running then are recorded as
   * TIMEOUT. Default: `targetDeadlineMs(timeoutMs)`, max(30 s, 8 × timeoutMs).
   */
  targetDeadlineMs?: number;
  /** Most RDAP/WHOIS requests in flight to one server at a time, for the whole run (default 4). */
  maxPerServer?: number;
}

/** The documented defaults (README, "Use"); the CLI and the library start from these. */
export function defaultOptions(overrides: Partial<ScanOptions> = {}): ScanOptions {
  return {
    timeoutMs: 5000,
    concurrency: 16,
    resolvers: [],
    doh: null,
    rdapBootstrap: "https://data.iana.org/rdap/",
    connectTo: [],
    proxy: null,
    proxyEnv: { httpsProxy: null, httpProxy: null, noProxy: null },
    passive: false,
    allowPrivate: false,
    cacheDir: null,
    whoisServer: "whois.iana.org",
    userAgent: DEFAULT_USER_AGENT,
    maxBodyBytes: 1024 * 1024,
    ...overrides,
  };
}
