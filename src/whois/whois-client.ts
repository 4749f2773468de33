import type { LookupFunction } from "node:net";
import type { DiskCache } from "../cache/disk-cache.js";
import type { ServerLimiter } from "../rdap/server-limiter.js";
import { type WhoisQueryResult, whoisQuery } from "./client.js";
import { type IanaTldFacts, parseIanaTld } from "./parse.js";

export interface WhoisClientConfig {
  /** The IANA WHOIS server "host[:port]" (--whois-server). */
  ianaServer: string;
  timeoutMs: number;
  /** Most bytes read from one answer. */
  maxBytes: number;
  limiter: ServerLimiter;
  cache: DiskCache;
  now(): number;
  /** Name lookup for WHOIS servers (hostscan's own DNS client); the OS resolver when absent. */
  lookup?: LookupFunction;
  /** How long a cached IANA TLD answer stays fresh; 24 h by default. */
  maxAgeMs?: number;
}

/** What whois.iana.org said about a TLD, or why it could not say. */
export type IanaTldResult =
  | { kind: "ok"; facts: IanaTldFacts }
  | { kind: "error"; result: Extract<WhoisQueryResult, { kind: "error" }> };

/** The run's WHOIS client: per-server politeness and IANA TLD answers asked once per run. */
export class WhoisClient {
  private readonly tlds = new Map<string, Promise<IanaTldResult>>();

  constructor(readonly config: WhoisClientConfig) {}

  /** One query to a server; never throws. */
  query(server: string, query: string, signal?: AbortSignal): Promise<WhoisQueryResult> {
    const { timeoutMs, maxBytes, limiter, now, lookup } = this.config;
    return whoisQuery(server, query, { timeoutMs, maxBytes, limiter, now, lookup, signal });
  }

  /** IANA's facts about a TLD (WHOIS server, operator), cached on disk and per run. */
  tld(tld: string, signal?: AbortSignal): Promise<IanaTldResult> {
    let p = this.tlds.get(tld);
    if (!p) {
      p = this.askIana(tld, signal);
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
