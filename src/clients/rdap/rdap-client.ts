import { Agent, type Dispatcher } from "undici";
import type { DiskCache } from "../cache/disk-cache.js";
import type { Resolver } from "../dns/types.js";
import type { HostscanError } from "../errors.js";
import type { LogSink } from "../log.js";
import { createProxyDispatcher, type ProxyConfig, selectProxy } from "../net/proxy.js";
import { guardedLookup, guardFor, type ReferralGuard } from "../net/referral-guard.js";
import { resolverLookup } from "../net/resolver-lookup.js";
import { Bootstrap } from "./bootstrap.js";
import { fetchJson } from "./fetch-json.js";
import { ServerLimiter } from "./server-limiter.js";
import { DEFAULT_RDAP_HTTP, type RdapFetchResult, type RdapHttpOptions } from "./types.js";

/** What the RDAP client needs to know of the run. */
export interface RdapConfig extends ProxyConfig {
  timeoutMs: number;
  userAgent: string;
  /** Allow RDAP servers on loopback/private addresses (a local test registry). */
  allowPrivate: boolean;
  /** Base URL holding IANA's dns.json, ipv4.json, ipv6.json, asn.json. */
  rdapBootstrap: string;
}

export interface RdapClientDeps {
  cache: DiskCache;
  log: LogSink;
  now(): number;
  /** Overrides of the HTTP tunables (tests shrink waits and caps). */
  http?: Partial<RdapHttpOptions>;
  /** Replaces the direct-connection dispatcher (tests). */
  dispatcher?: Dispatcher;
  /**
   * hostscan's own DNS client: RDAP servers are looked up, and referred-to hosts vetted, with
   * it; the operating system's resolver when absent.
   */
  resolver?: Resolver;
}

/**
 * The run's RDAP client (RFC 7480/9083/9224): one keep-alive pool per server, the per-server
 * politeness limiter and IANA's bootstrap, shared by every target of the run.
 */
export class RdapClient {
  readonly bootstrap: Bootstrap;
  readonly limiter: ServerLimiter;
  readonly http: RdapHttpOptions;
  /** Trusts the --rdap-bootstrap host and the servers its files list; vets everything else. */
  readonly guard: ReferralGuard;
  private readonly direct: Dispatcher;
  private readonly proxies = new Map<string, Dispatcher>();

  constructor(
    private readonly options: RdapConfig,
    private readonly deps: RdapClientDeps,
  ) {
    this.http = {
      ...DEFAULT_RDAP_HTTP,
      timeoutMs: options.timeoutMs,
      userAgent: options.userAgent,
      ...deps.http,
    };
    this.limiter = new ServerLimiter(this.http.maxInFlightPerServer, deps.now);
    this.guard = guardFor({
      allowPrivate: options.allowPrivate,
      ...(deps.resolver ? { resolver: deps.resolver } : {}),
      alsoTrusted: (host) => this.bootstrap.listsHost(host),
    });
    if (URL.canParse(options.rdapBootstrap)) {
      this.guard.trust(new URL(options.rdapBootstrap).hostname);
    }
    // Agent keeps one keep-alive Pool per origin; the limiter keeps us under the cap anyway.
    this.direct =
      deps.dispatcher ??
      new Agent({
        connections: this.http.maxInFlightPerServer,
        keepAliveTimeout: 10_000,
        connect: {
          timeout: this.http.timeoutMs,
          ...(deps.resolver
            ? { lookup: guardedLookup(resolverLookup(deps.resolver), this.guard) }
            : {}),
        },
      });
    this.bootstrap = new Bootstrap({
      baseUrl: options.rdapBootstrap,
      cache: deps.cache,
      fetch: (url) => this.fetch(url),
      now: deps.now,
      log: deps.log,
    });
  }

  private dispatcherFor(url: URL): Dispatcher {
    const proxy = selectProxy(url, this.options);
    if (!proxy) return this.direct;
    let d = this.proxies.get(proxy);
    if (!d) {
      d = createProxyDispatcher(proxy, { connectTimeoutMs: this.http.timeoutMs });
      this.proxies.set(proxy, d);
    }
    return d;
  }

  /** GETs one RDAP (or bootstrap) document; never throws. */
  async fetch(url: string, signal?: AbortSignal): Promise<RdapFetchResult> {
    const res = await fetchJson(
      url,
      this.http,
      {
        dispatcherFor: (u) => this.dispatcherFor(u),
        limiter: this.limiter,
        now: this.deps.now,
        vetRedirect: (u, s) => this.guard.refusal(u.hostname, s),
      },
      signal,
    );
    // Waited-out rate limits do not reach the profile's errors; they are reported here.
    const limited = res.attempts.filter((a) => a.error?.startsWith("RATE_LIMITED"));
    if (limited.length > 0 && res.kind === "ok") {
      this.deps.log(
        "info",
        `rdap ${new URL(url).host}: rate-limited ${limited.length}× (HTTP 429), waited and retried`,
      );
    }
    for (const a of res.attempts) {
      this.deps.log(
        "debug",
        `rdap GET ${a.url} ${a.status ?? "-"} ${a.durationMs} ms${a.error ? ` ${a.error}` : ""}`,
      );
    }
    return res;
  }

  /**
   * GETs a URL learnt from another server's answer (a registrar link): refused with
   * PRIVATE_ADDRESS before any connection when it points at a special-use address.
   */
  async fetchReferral(url: string, signal?: AbortSignal): Promise<RdapFetchResult> {
    let refusal: HostscanError | null = null;
    if (URL.canParse(url)) refusal = await this.guard.refusal(new URL(url).hostname, signal);
    if (refusal) {
      this.deps.log("info", `rdap: ${refusal.message}`);
      return { kind: "error", url, error: refusal, attempts: [] };
    }
    return this.fetch(url, signal);
  }

  /** Closes every pool and proxy connection. */
  async close(): Promise<void> {
    const all = [this.direct, ...this.proxies.values()];
    await Promise.allSettled(all.map((d) => d.close()));
  }
}
