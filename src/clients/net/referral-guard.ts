// The private-address guard for servers learnt from a stranger's answer: a registrar link in an
// RDAP document, an HTTP redirect's Location, a "Registrar WHOIS Server:" line. Servers the user
// named (--rdap-bootstrap, --whois-server) and those their answers list (bootstrap services,
// IANA's TLD servers) are trusted; anything else pointing at loopback, private, link-local or
// other special-use space is refused before any connection, unless --allow-private.
import { lookup as osLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import type { Resolver } from "../dns/types.js";
import { errorCode, errorMessage, HostscanError } from "../errors.js";
import { specialAddressRange } from "./private-address.js";
import { resolveAddresses } from "./resolver-lookup.js";

export interface ReferralGuardDeps {
  /** --allow-private: nothing is refused. */
  allowPrivate: boolean;
  /** Addresses of a name from hostscan's own DNS client (resolveAddresses). */
  resolve(host: string, signal?: AbortSignal): Promise<string[]>;
  /** Hosts trusted besides those given to trust(), e.g. the loaded bootstrap's servers. */
  alsoTrusted?(host: string): boolean;
}

/** A host name or IP literal as compared here: lower case, no brackets, no trailing dot. */
export function normaliseHost(host: string): string {
  return host
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

/** Which hosts are trusted, and whether a referred-to host may be contacted. */
export class ReferralGuard {
  private readonly trusted = new Set<string>();

  constructor(private readonly deps: ReferralGuardDeps) {}

  /** Marks a host (the user's server, or one a trusted list named) as trusted. */
  trust(host: string): void {
    this.trusted.add(normaliseHost(host));
  }

  /** True for a trusted host: the checks below do not apply to it. */
  isTrusted(host: string): boolean {
    const h = normaliseHost(host);
    return this.trusted.has(h) || (this.deps.alsoTrusted?.(h) ?? false);
  }

  /** True when nothing is checked for this host (trusted, or --allow-private). */
  exempt(host: string): boolean {
    return this.deps.allowPrivate || this.isTrusted(host);
  }

  /**
   * Vets a referred-to host before any connection: null addresses when it is exempt, else its
   * public addresses (an IP literal as it is, a name through our resolver). Throws
   * PRIVATE_ADDRESS when any address is special-use, or the resolver's error.
   */
  async vet(host: string, signal?: AbortSignal): Promise<string[] | null> {
    const h = normaliseHost(host);
    if (this.exempt(h)) return null;
    const addresses = isIP(h) ? [h] : await this.deps.resolve(h, signal);
    for (const a of addresses) {
      const range = specialAddressRange(a);
      if (range !== null) {
        const via = a === h ? "" : ` (${a})`;
        throw new HostscanError(
          "PRIVATE_ADDRESS",
          `refusing referral to ${h}${via}: ${range} address; use --allow-private`,
        );
      }
    }
    return addresses;
  }

  /** Like vet(), but returns the refusal (or resolver failure) as a HostscanError. */
  async refusal(host: string, signal?: AbortSignal): Promise<HostscanError | null> {
    try {
      await this.vet(host, signal);
      return null;
    } catch (err) {
      return err instanceof HostscanError
        ? err
        : new HostscanError(errorCode(err), `${host}: ${errorMessage(err)}`, { cause: err });
    }
  }
}

/**
 * A `lookup` that drops special-use addresses for hosts the guard does not exempt: a second
 * line of defence for when a name's answer changes between vetting and connecting.
 */
export function guardedLookup(lookup: LookupFunction, guard: ReferralGuard): LookupFunction {
  return (hostname, options, callback) => {
    if (guard.exempt(hostname)) {
      lookup(hostname, options, callback);
      return;
    }
    lookup(hostname, { ...options, all: true }, (err, result) => {
      if (err) {
        callback(err, "", 4);
        return;
      }
      const list = (Array.isArray(result) ? result : []).filter(
        (a) => specialAddressRange(a.address) === null,
      );
      if (list.length === 0) {
        const e = new HostscanError(
          "PRIVATE_ADDRESS",
          `refusing to connect to ${hostname}: only special-use addresses; use --allow-private`,
        ) as HostscanError & NodeJS.ErrnoException;
        callback(e, "", 4);
        return;
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]?.address ?? "", list[0]?.family ?? 4);
    });
  };
}

/**
 * A guard that vets referred-to hosts with hostscan's own DNS client, or the operating
 * system's resolver when a client is built without one (a test harness, the library's caller).
 */
export function guardFor(options: {
  allowPrivate: boolean;
  resolver?: Resolver;
  alsoTrusted?(host: string): boolean;
}): ReferralGuard {
  const { resolver, alsoTrusted } = options;
  return new ReferralGuard({
    allowPrivate: options.allowPrivate,
    resolve: resolver
      ? (host, signal) => resolveAddresses(resolver, host, signal)
      : async (host) => (await osLookup(host, { all: true })).map((a) => a.address),
    ...(alsoTrusted ? { alsoTrusted } : {}),
  });
}
