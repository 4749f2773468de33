import { Agent, type Dispatcher } from "undici";
import type { Resolver } from "../dns/types.js";
import { resolveAddresses } from "../net/resolver-lookup.js";
import { type ConnectionInfo, type ConnectorConfig, createConnector } from "./connector.js";

/** The site probe's keep-alive HTTP(S) client, shared by every target of a run. */
export interface HttpClient {
  dispatcher: Dispatcher;
  /** Seeds the addresses hostscan's DNS source found for a host, so the probe asks no twice. */
  remember(host: string, addresses: string[]): void;
  /** What the latest connection to an origin ("https://host:443") showed: address, certificate. */
  connection(origin: string): ConnectionInfo | null;
  close(): Promise<void>;
}

export interface HttpClientDeps {
  options: ConnectorConfig;
  resolver: Resolver;
  /** Extra trust anchors (PEM), for tests with their own CA. */
  ca?: string[];
}

// Per-host memories of a long batch stay bounded: the oldest entries go first.
const MAX_HOSTS = 10_000;
function trim(map: Map<string, unknown>): void {
  while (map.size > MAX_HOSTS) map.delete(map.keys().next().value as string);
}

/** Builds the shared client: an undici Agent whose connector is ours (see connector.ts). */
export function createHttpClient(deps: HttpClientDeps): HttpClient {
  const known = new Map<string, string[]>();
  const connections = new Map<string, ConnectionInfo>();
  const connect = createConnector({
    options: deps.options,
    ca: deps.ca,
    lookup: (host, signal) => {
      const seeded = known.get(host);
      return seeded && seeded.length > 0
        ? Promise.resolve(seeded)
        : resolveAddresses(deps.resolver, host, signal);
    },
    record: (origin, info) => {
      connections.delete(origin);
      connections.set(origin, info);
      trim(connections);
    },
  });
  const agent = new Agent({
    connect,
    keepAliveTimeout: 4000,
    connections: 4,
    headersTimeout: deps.options.timeoutMs,
    bodyTimeout: deps.options.timeoutMs,
    maxHeaderSize: 64 * 1024,
  });
  return {
    dispatcher: agent,
    remember(host, addresses) {
      if (addresses.length === 0) return;
      known.set(host.toLowerCase(), [...addresses]);
      trim(known);
    },
    connection: (origin) => connections.get(origin) ?? null,
    close: () => agent.close(),
  };
}
