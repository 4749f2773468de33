// The run's memory of networks: RDAP networks by address range, ASNs by number, origins by
// address, each asked once per run (in-flight de-duplication included), so a batch of 1,000
// domains on one CDN asks about each network once.
import ipaddr from "ipaddr.js";
import { memo } from "../cache/memo.js";
import type { Resolver } from "../dns/types.js";
import { ErrorGroups } from "../errors.js";
import { decodeAutnum, decodeNetwork, type NetworkFacts } from "../rdap/decode-network.js";
import { malformedFields } from "../rdap/malformed.js";
import type { RdapClient } from "../rdap/rdap-client.js";
import type { ErrorEntry, NetworkEntry } from "../records.js";
import { type CymruOrigin, type CymruResult, cymruAsName, cymruOrigin, ptrName } from "./cymru.js";

/** The network of one address, with the errors met while finding out. */
export interface NetworkLookup {
  entry: NetworkEntry;
  errors: ErrorEntry[];
}

interface RdapNetwork {
  facts: NetworkFacts | null;
  registry: string | null;
  errors: ErrorEntry[];
}

interface Range {
  v6: boolean;
  start: bigint;
  end: bigint;
  value: RdapNetwork;
}

const RIR_BY_HOST: [RegExp, string][] = [
  [/arin\.net$/, "arin"],
  [/ripe\.net$/, "ripencc"],
  [/apnic\.net$/, "apnic"],
  [/lacnic\.net$/, "lacnic"],
  [/afrinic\.net$/, "afrinic"],
];

function toBig(ip: string): { v6: boolean; n: bigint } | null {
  try {
    const a = ipaddr.process(ip);
    return {
      v6: a.kind() === "ipv6",
      n: a.toByteArray().reduce((acc, b) => (acc << 8n) | BigInt(b), 0n),
    };
  } catch {
    return null;
  }
}

// Most RDAP network ranges remembered (oldest dropped first); a dropped one is asked again.
const MAX_RANGES = 4096;

// Most entries a per-address memo keeps. Small on purpose: the DNS cache behind it already
// remembers the answers; this map only shares in-flight lookups and their decoded results.
const MAX_PER_ADDRESS = 4096;

/** Looks up and remembers networks and ASNs for a whole run. */
/** The CIDR of a multi-CIDR registration that holds `ip`, or null. */
function cidrHolding(ip: string, cidrs: string[]): string | null {
  try {
    const addr = ipaddr.parse(ip);
    return (
      cidrs.find((c) => {
        const range = ipaddr.parseCIDR(c);
        return range[0].kind() === addr.kind() && addr.match(range);
      }) ?? null
    );
  } catch {
    return null;
  }
}

export class NetworkDirectory {
  private readonly origins = new Map<string, Promise<CymruResult<CymruOrigin>>>();
  private readonly asNames = new Map<
    number,
    Promise<{ name: string | null; errors: ErrorEntry[] }>
  >();
  private readonly ptrs = new Map<string, Promise<string | null>>();
  private readonly inFlight = new Map<string, Promise<RdapNetwork>>();
  private readonly ranges: Range[] = [];
  /** RDAP network lookups actually sent (diagnostics and tests). */
  rdapNetworkLookups = 0;

  constructor(
    private readonly resolver: Resolver,
    private readonly rdap: RdapClient,
  ) {}

  private origin(ip: string, signal?: AbortSignal) {
    return memo(
      this.origins,
      ip,
      () => cymruOrigin(this.resolver, ip, signal),
      (r) => r.kind !== "error",
      MAX_PER_ADDRESS,
    );
  }

  /** The AS name: Team Cymru first, RDAP autnum second. */
  asName(
    asn: number,
    signal?: AbortSignal,
  ): Promise<{ name: string | null; errors: ErrorEntry[] }> {
    return memo(
      this.asNames,
      asn,
      async () => {
        const errors: ErrorEntry[] = [];
        const cymru = await cymruAsName(this.resolver, asn, signal);
        if (cymru.kind === "ok") return { name: cymru.value, errors };
        if (cymru.kind === "error")
          errors.push({ source: "asn", code: cymru.error.code, message: cymru.error.message });
        const boot = await this.rdap.bootstrap.asn(asn);
        if (boot.error) errors.push(boot.error);
        if (!boot.urls[0]) return { name: null, errors };
        const res = await this.rdap.fetch(
          new URL(`autnum/${asn}`, boot.urls[0]).toString(),
          signal,
        );
        if (res.kind === "ok") return { name: decodeAutnum(res.body).name, errors };
        if (res.kind === "error")
          errors.push({ source: "rdap", code: res.error.code, message: res.error.message });
        return { name: null, errors };
      },
      (r) => r.name !== null || r.errors.length === 0,
      MAX_PER_ADDRESS,
    );
  }

  private ptr(ip: string, signal?: AbortSignal): Promise<string | null> {
    return memo(
      this.ptrs,
      ip,
      async () => {
        const name = ptrName(ip);
        if (!name) return null;
        const answer = await this.resolver.query(name, "PTR", { signal });
        const rec = answer.answers.find((r) => r.type === "PTR");
        return rec ? String(rec.data).slice(0, 253) : null;
      },
      () => true,
      MAX_PER_ADDRESS,
    );
  }

  private known(ip: string): RdapNetwork | null {
    const b = toBig(ip);
    if (!b) return null;
    let best: Range | null = null;
    for (const r of this.ranges) {
      if (
        r.v6 === b.v6 &&
        r.start <= b.n &&
        b.n <= r.end &&
        (!best || r.end - r.start < best.end - best.start)
      )
        best = r;
    }
    return best?.value ?? null;
  }

  /** The RIR's network object for an address, shared by every address of the same network. */
  private network(ip: string, key: string, signal?: AbortSignal): Promise<RdapNetwork> {
    const hit = this.known(ip);
    if (hit) return Promise.resolve(hit);
    return memo(
      this.inFlight,
      key,
      async () => {
        const errors: ErrorEntry[] = [];
        const boot = await this.rdap.bootstrap.ip(ip);
        if (boot.error) errors.push(boot.error);
        const base = boot.urls[0];
        if (!base) {
          errors.push({
            source: "rdap",
            code: "NO_RDAP_SERVER",
            message: `no RDAP server for ${ip} in the bootstrap`,
          });
          return { facts: null, registry: null, errors };
        }
        this.rdapNetworkLookups++;
        const res = await this.rdap.fetch(new URL(`ip/${ip}`, base).toString(), signal);
        if (res.kind !== "ok") {
          const err =
            res.kind === "error"
              ? { code: res.error.code, message: res.error.message }
              : {
                  code: "NOT_FOUND",
                  message: `${new URL(base).host}: no network for ${ip} (HTTP 404)`,
                };
          errors.push({ source: "rdap", ...err });
          return { facts: null, registry: null, errors };
        }
        const facts = decodeNetwork(res.body);
        errors.push(...malformedFields(res.url, [...res.notes, ...facts.warnings]));
        const host = new URL(res.url).hostname;
        const registry = RIR_BY_HOST.find(([re]) => re.test(host))?.[1] ?? null;
        const value = { facts, registry, errors };
        // Only a real answer joins the ranges; failures stay in `inFlight` just until they settle.
        const start = facts.startAddress ? toBig(facts.startAddress) : null;
        const end = facts.endAddress ? toBig(facts.endAddress) : null;
        if (start && end && start.v6 === end.v6 && start.n <= end.n) {
          this.ranges.push({ v6: start.v6, start: start.n, end: end.n, value });
          // Bounded: memory, and the scan `known()` does for every address of a long batch.
          if (this.ranges.length > MAX_RANGES) this.ranges.shift();
        }
        return value;
      },
      (v) => v.facts !== null || v.errors.every((e) => ErrorGroups.stableAnswer.has(e.code)),
      MAX_PER_ADDRESS,
    );
  }

  /** Everything known about the network of one address. */
  async lookup(
    ip: string,
    signal?: AbortSignal,
    options: { ptr?: boolean } = {},
  ): Promise<NetworkLookup> {
    const errors: ErrorEntry[] = [];
    const [origin, ptr] = await Promise.all([
      this.origin(ip, signal),
      options.ptr === false ? Promise.resolve(null) : this.ptr(ip, signal),
    ]);
    if (origin.kind === "error") {
      errors.push({ source: "asn", code: origin.error.code, message: origin.error.message });
    }
    const cy = origin.kind === "ok" ? origin.value : null;
    // Key the in-flight lookup by BGP prefix when known: same prefix, same registration (nearly always).
    const key = cy?.prefix ?? ip;
    const net = await this.network(ip, key, signal);
    errors.push(...net.errors);
    const facts = net.facts;
    const asn = cy?.asn ?? facts?.originAsns[0] ?? null;
    let asName: string | null = null;
    if (asn !== null) {
      const named = await this.asName(asn, signal);
      asName = named.name;
      errors.push(...named.errors);
    }
    return {
      entry: {
        ip,
        asn,
        asName,
        prefix: cy?.prefix ?? facts?.cidr ?? cidrHolding(ip, facts?.cidrs ?? []),
        country: cy?.country ?? facts?.country ?? null,
        registry: cy?.registry ?? net.registry,
        org: facts?.org ?? null,
        ptr,
        abuse: facts?.abuse ?? null,
        handle: facts?.handle ?? null,
        netName: facts?.name ?? null,
        ...(facts && facts.cidrs.length > 1 ? { cidrs: facts.cidrs } : {}),
      },
      errors,
    };
  }
}
