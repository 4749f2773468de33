import type { NetworkDirectory } from "../clients/asn/network-directory.js";
import { createResolver } from "../clients/dns/resolver.js";
import type { Resolver } from "../clients/dns/types.js";
import type { LogSink } from "../clients/log.js";
import { createProxyDispatcher, selectProxy } from "../clients/net/proxy.js";
import { createHttpClient, type HttpClient } from "../clients/probe/probe-client.js";
import type { RdapClient } from "../clients/rdap/rdap-client.js";
import { createRegistrationServices } from "../clients/rdap/services.js";
import type { RdapHttpOptions } from "../clients/rdap/types.js";
import type { WhoisClient } from "../clients/whois/whois-client.js";
import type { Generator } from "../profile/types.js";
import type { RegistrationEvidence } from "../sources/evidence.js";
import type { SourceResult } from "../sources/outcome.js";
import { generatorInfo } from "./generator.js";
import type { ScanOptions } from "./options.js";

export type { LogLevel, LogSink } from "../clients/log.js";

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
  /** What makes this run's profiles: hostscan's version and its data's. */
  generator: Generator;
  resolver: Resolver;
  /** The site probe's keep-alive client: own DNS lookups, private-address guard, certificate capture. */
  http: HttpClient;
  clock: Clock;
  log: LogSink;
  /** RDAP client: bootstrap, keep-alive pools, per-server politeness. */
  rdap: RdapClient;
  /** Port-43 WHOIS client (TLDs without RDAP) and IANA TLD facts. */
  whois: WhoisClient;
  /** Networks by range and ASNs by number, asked once per run. */
  networks: NetworkDirectory;
  /** Registration outcomes by registrable domain: www.a.com and api.a.com ask the registry once. */
  registrations: Map<string, Promise<SourceResult<RegistrationEvidence>>>;
  /** Releases every socket, pool and timer the context holds. */
  close(): Promise<void>;
}

export interface ContextDeps {
  /** Replaces the generator facts (tests). */
  generator?: Generator;
  /** Replaces the DNS client (tests). */
  resolver?: Resolver;
  /** Replaces the site probe's HTTP client (tests: extra trust anchors). */
  http?: HttpClient;
  clock?: Clock;
  log?: LogSink;
  /** Overrides of the RDAP HTTP tunables (tests: small Retry-After caps and backoff). */
  rdapHttp?: Partial<RdapHttpOptions>;
  /** Text of /etc/resolv.conf when no --resolver/--doh is given (read by the CLI). */
  resolvConf?: string | null;
}

/** Builds the shared context of one run. */
export function createContext(options: ScanOptions, deps: ContextDeps = {}): Context {
  // DoH is an HTTP request like any other: --proxy and the proxy environment apply to it.
  const dohProxy = options.doh ? selectProxy(new URL(options.doh), options) : null;
  const dohDispatcher = dohProxy
    ? createProxyDispatcher(dohProxy, { connectTimeoutMs: options.timeoutMs })
    : undefined;
  const resolver =
    deps.resolver ??
    createResolver({
      servers: options.resolvers,
      doh: options.doh,
      timeoutMs: options.timeoutMs,
      resolvConf: deps.resolvConf ?? null,
      ...(dohDispatcher ? { dispatcher: dohDispatcher } : {}),
      ...(deps.log ? { log: deps.log } : {}),
    });
  const http = deps.http ?? createHttpClient({ options, resolver });
  const clock = deps.clock ?? { now: () => Date.now() };
  const log = deps.log ?? (() => {});
  const registration = createRegistrationServices(options, {
    resolver,
    log,
    now: () => clock.now(),
    rdapHttp: deps.rdapHttp,
  });
  const closers: (() => Promise<void>)[] = [
    () => registration.close(),
    () => resolver.close(),
    () => http.close(),
    async () => dohDispatcher?.close(),
  ];
  return {
    options,
    generator: deps.generator ?? generatorInfo(),
    resolver,
    http,
    clock,
    log,
    rdap: registration.rdap,
    whois: registration.whois,
    networks: registration.networks,
    registrations: new Map(),
    async close() {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}
