import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import type { Resolver } from "../dns/types.js";
import { type ErrorCode, HostscanError } from "../errors.js";

const DNS_FAILURES: Record<string, ErrorCode> = {
  NXDOMAIN: "NXDOMAIN",
  SERVFAIL: "SERVFAIL",
  REFUSED: "REFUSED",
  TIMEOUT: "TIMEOUT",
  BAD_RESPONSE: "BAD_RESPONSE",
};

/** Addresses of a name from our resolver: A first, then AAAA; throws when there are none. */
export async function resolveAddresses(
  resolver: Resolver,
  host: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const [a, aaaa] = await Promise.all([
    resolver.query(host, "A", { signal }),
    resolver.query(host, "AAAA", { signal }),
  ]);
  const addresses = [
    ...a.answers.filter((r) => r.type === "A").map((r) => r.data as string),
    ...aaaa.answers.filter((r) => r.type === "AAAA").map((r) => r.data as string),
  ].filter((ip) => isIP(ip));
  if (addresses.length > 0) return addresses;
  const failed = [a, aaaa].find((x) => x.status in DNS_FAILURES);
  const code = failed ? (DNS_FAILURES[failed.status] as ErrorCode) : "NO_ADDRESS";
  throw new HostscanError(
    code,
    `${host}: no address (${a.status}${a.message ? `, ${a.message}` : ""})`,
  );
}

/**
 * A `lookup` for net/tls/undici connections that asks hostscan's own DNS client, so RDAP and
 * WHOIS servers are found through --resolver/--doh like everything else, never the OS resolver.
 */
export function resolverLookup(resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolveAddresses(resolver, hostname).then(
      (addresses) => {
        const all = addresses.map((address) => ({ address, family: isIP(address) }));
        const wanted = options.family ? all.filter((a) => a.family === options.family) : all;
        const list = wanted.length > 0 ? wanted : all;
        if (options.all) callback(null, list);
        else callback(null, list[0]?.address ?? "", list[0]?.family ?? 4);
      },
      (err: NodeJS.ErrnoException) => {
        err.code ??= "ENOTFOUND";
        callback(err, "", 4);
      },
    );
  };
}
