import type { LookupFunction } from "node:net";
import type { DiskCache } from "../cache/disk-cache.js";
import type { Resolver } from "../dns/types.js";
import { errorCode, errorMessage, HostscanError } from "../errors.js";
import { guardFor, type ReferralGuard } from "../net/referral-guard.js";
import { resolverLookup } from "../net/resolver-lookup.js";
import type { ServerLimiter } from "../rdap/server-limiter.js";
import { type IanaTldFacts, parseIanaTld } from "./parse.js";
import { parseServer, type WhoisQueryResult, whoisQuery } from "./port43-query.js";

/** What the WHOIS client needs to know of the run (as RdapConfig for the RDAP client). */
export interface WhoisConfig {
  /** The IANA WHOIS server "host[:port]" (--whois-server). */
  ianaServer: string;
  timeoutMs: number;
  /** Most bytes read from one answer. */
  maxBytes: number;
  /** How long a cached IANA TLD answer stays fresh; 24 h by default. */
  maxAgeMs?: number;
  /** --allow-private: referrals to special-use addresses are followed. */
  allowPrivate?: boolean;
}

/** What the WHOIS client is built on (as RdapClientDeps for the RDAP client). */
export interface WhoisClientDeps {
  limiter: ServerLimiter;
  cache: DiskCache;
  now(): number;
  /**
   * hostscan's own DNS client: WHOIS servers are looked up, and referred-to hosts vetted, with
   * it; the operating system's resolver when absent.
   */
  resolver?: Resolver;
}

type WhoisClientConfig = WhoisConfig & WhoisClientDeps;

function hostOf(server: string): string | null {
  try {
    return parseServer(server).host;
  } catch {
    return null;
  }
}

/** What whois.iana.org said about a TLD, or why it could not say. */
export type IanaTldResult =
  | { kind: "ok"; facts: IanaTldFacts }
  | { kind: "error"; result: Extract<WhoisQueryResult, { kind: "error" }> };

/** The run's WHOIS client: per-server politeness and IANA TLD answers asked once per run. */
export class WhoisClient {
  private readonly tlds = new Map<string, Promise<IanaTldResult>>();
  /** Trusts --whois-server and the TLD servers IANA names; vets registrar referrals. */
  readonly guard: ReferralGuard;
  /** Name lookup for WHOIS servers through hostscan's own DNS client. */
  private readonly lookup: LookupFunction | undefined;

  readonly config: WhoisClientConfig;

  constructor(options: WhoisConfig, deps: WhoisClientDeps) {
    const config = { ...options, ...deps };
    this.config = config;
    this.guard = guardFor({
      allowPrivate: config.allowPrivate ?? false,
      ...(config.resolver ? { resolver: config.resolver } : {}),
    });
    this.lookup = config.resolver ? resolverLookup(config.resolver) : undefined;
    const iana = hostOf(config.ianaServer);
    if (iana) this.guard.trust(iana);
  }

  /** One query to a server; never throws. */
  query(server: string, query: string, signal?: AbortSignal): Promise<WhoisQueryResult> {
    const { timeoutMs, maxBytes, limiter, now } = this.config;
    const lookup = this.lookup;
    return whoisQuery(server, query, { timeoutMs, maxBytes, limiter, now, lookup, signal });
  }

  /**
   * One query to a server learnt from another server's answer ("Registrar WHOIS Server"):
   * only port 43 unless the host is trusted, and refused with PRIVATE_ADDRESS before any
   * connection when it resolves to a special-use address. Connects to the vetted address.
   */
  async queryReferral(
    server: string,
    query: string,
    signal?: AbortSignal,
  ): Promise<WhoisQueryResult> {
    const started = this.config.now();
    let connectAddress: string | undefined;
    try {
      const { host, port } = parseServer(server);
      connectAddress = (await this.guard.vet(host, signal))?.[0];
      if (port !== 43 && !this.guard.isTrusted(host)) {
        throw new HostscanError(
          "BAD_RESPONSE",
          `referral to ${server} not followed: only port 43 is, for servers not named by you or IANA`,
        );
      }
    } catch (err) {
      const error =
        err instanceof HostscanError
          ? err
          : new HostscanError(errorCode(err), `${server}: ${errorMessage(err)}`, { cause: err });
      return { kind: "error", server, error, durationMs: this.config.now() - started };
    }
    const { timeoutMs, maxBytes, limiter, now } = this.config;
    const lookup = this.lookup;
    return whoisQuery(server, query, {
      timeoutMs,
      maxBytes,
      limiter,
      now,
      lookup,
      signal,
      ...(connectAddress ? { connectAddress } : {}),
    });
  }

  /** IANA's facts about a TLD (WHOIS server, operator), cached on disk and per run. */
  tld(tld: string, signal?: AbortSignal): Promise<IanaTldResult> {
    let p = this.tlds.get(tld);
    if (!p) {
      p = this.askIana(tld, signal).then((r) => {
        // The server IANA names for a TLD is as trusted as IANA's server itself.
        const host = r.kind === "ok" && r.facts.whois ? hostOf(r.facts.whois) : null;
        if (host) this.guard.trust(host);
        return r;
      });
      this.tlds.set(tld, p);
      // A failed answer is not kept: the next target may ask again.
      p.then((r) => r.kind === "error" && this.tlds.delete(tld));
    }
    return p;
  }

  private async askIana(tld: string, signal?: AbortSignal): Promise<IanaTldResult> {
    const { cache, now, ianaServer } = this.config;
    const key = `iana-whois-${ianaServer}-${tld}.txt`;
    const cached = await cache.read(key);
    if (cached && now() - cached.storedAt < (this.config.maxAgeMs ?? 86_400_000)) {
      return { kind: "ok", facts: parseIanaTld(cached.body) };
    }
    const res = await this.query(ianaServer, tld, signal);
    if (res.kind === "error") {
      return cached
        ? { kind: "ok", facts: parseIanaTld(cached.body) }
        : { kind: "error", result: res };
    }
    const facts = parseIanaTld(res.text);
    if (facts.whois || facts.organisation) await cache.write(key, res.text);
    return { kind: "ok", facts };
  }
}
