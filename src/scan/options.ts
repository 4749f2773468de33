/** curl's --connect-to rule: requests for host:port go to connectHost:connectPort ("" = any). */
export interface ConnectTo {
  host: string;
  port: string;
  connectHost: string;
  connectPort: string;
}

/** A DNS server to ask over UDP/TCP. */
export interface DnsServer {
  host: string;
  port: number;
}

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
  /** Most RDAP/WHOIS requests in flight to one server at a time, for the whole run (default 4). */
  maxPerServer?: number;
}

export const DEFAULT_USER_AGENT =
  "hostscan/0.1 (+https://www.npmjs.com/package/hostscan; provider attribution scanner)";

/** `--user-agent browser`: for sites that refuse tools; hostscan's own name stays the default. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/** Defaults from ../shared/contract.md. */
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
