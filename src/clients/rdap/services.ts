import { NetworkDirectory } from "../asn/network-directory.js";
import { createDiskCache } from "../cache/disk-cache.js";
import type { Resolver } from "../dns/types.js";
import type { LogSink } from "../log.js";
import { WhoisClient } from "../whois/whois-client.js";
import { RdapClient, type RdapConfig } from "./rdap-client.js";
import { ServerLimiter } from "./server-limiter.js";
import type { RdapHttpOptions } from "./types.js";

/** What the registration clients (RDAP, WHOIS, networks) need to know of the run. */
export interface RegistrationConfig extends RdapConfig {
  /** On-disk cache directory; null disables the cache. */
  cacheDir: string | null;
  /** IANA WHOIS server "host[:port]". */
  whoisServer: string;
  /** Most RDAP/WHOIS requests in flight to one server at a time. */
  maxPerServer?: number;
}

/** The registration clients a run shares: RDAP, WHOIS and the network/ASN directory. */
export interface RegistrationServices {
  rdap: RdapClient;
  whois: WhoisClient;
  networks: NetworkDirectory;
  close(): Promise<void>;
}

export interface RegistrationServicesDeps {
  resolver: Resolver;
  log: LogSink;
  now(): number;
  /** Overrides of the RDAP HTTP tunables (tests: small waits). */
  rdapHttp?: Partial<RdapHttpOptions>;
}

/** Builds the run's RDAP client, WHOIS client and network directory over one disk cache. */
export function createRegistrationServices(
  options: RegistrationConfig,
  deps: RegistrationServicesDeps,
): RegistrationServices {
  const cache = createDiskCache(options.cacheDir, (message) => deps.log("warn", message));
  const perServer = options.maxPerServer ?? deps.rdapHttp?.maxInFlightPerServer ?? 4;
  const rdap = new RdapClient(options, {
    cache,
    log: deps.log,
    now: deps.now,
    http: { maxInFlightPerServer: perServer, ...deps.rdapHttp },
    resolver: deps.resolver,
  });
  const whois = new WhoisClient(
    {
      ianaServer: options.whoisServer,
      timeoutMs: options.timeoutMs,
      maxBytes: 256 * 1024,
      allowPrivate: options.allowPrivate,
    },
    {
      // WHOIS servers throttle harder than RDAP ones: at most 2 queries at a time per server.
      limiter: new ServerLimiter(Math.min(perServer, 2), deps.now),
      cache,
      now: deps.now,
      resolver: deps.resolver,
    },
  );
  const networks = new NetworkDirectory(deps.resolver, rdap);
  return { rdap, whois, networks, close: () => rdap.close() };
}
