// The DNS source: A/AAAA of the host through its CNAME chain, NS of the zone that holds it, and
// MX, TXT, SOA, CAA of the registrable domain. Every independent question runs at once.

import { type ChainResult, followCnameChain } from "../clients/dns/cname-chain.js";
import type { DnsAnswer, RecordType } from "../clients/dns/types.js";
import { findZoneCut } from "../clients/dns/zone-cut.js";
import { type ErrorCode, ErrorGroups } from "../profile/errors.js";
import type { CaaRecord, ErrorEntry, MxRecord, SoaRecord } from "../profile/types.js";
import type { Context } from "../scan/context.js";
import { compareText, sortAddresses, sortText } from "../util/stable-order.js";
import { type DnsEvidence, emptyDnsSection } from "./evidence.js";
import type { Source, SourceInput, SourceResult } from "./types.js";

// Collects error entries: failures always, NXDOMAIN once per name, NODATA never.
class Errors {
  readonly list: ErrorEntry[] = [];
  private readonly nx = new Set<string>();

  add(code: ErrorCode, name: string, type: RecordType, message: string): void {
    this.list.push({ source: "dns", code, message: `${name} ${type}: ${message}` });
  }

  // `name` is where the answer's trouble lies: the end of a CNAME chain for NXDOMAIN.
  fromAnswer(answer: DnsAnswer, name = answer.name): void {
    if (answer.status === "NXDOMAIN") {
      if (this.nx.has(name)) return;
      this.nx.add(name);
      const via = name === answer.name ? "" : ` (CNAME target of ${answer.name})`;
      this.add("NXDOMAIN", name, answer.type, `no such name${via}`);
    } else if (ErrorGroups.dnsFailure.has(answer.status)) {
      this.add(answer.status as ErrorCode, answer.name, answer.type, answer.message ?? "failed");
    }
  }

  fromChain(chain: ChainResult, type: RecordType): void {
    const last = chain.answers[chain.answers.length - 1];
    if (last) this.fromAnswer(last, chain.lastName);
    if (chain.loop)
      this.add("CNAME_LOOP", chain.chain[0]?.from ?? chain.lastName, type, chain.loop);
  }
}

function records<T>(answer: DnsAnswer, type: RecordType): T[] {
  return answer.answers.filter((r) => r.type === type).map((r) => r.data as T);
}

/** Fills `DnsEvidence`; status error when the host's addresses could not be asked at all. */
export const dnsSource: Source<DnsEvidence> = {
  async gather(ctx: Context, input: SourceInput): Promise<SourceResult<DnsEvidence>> {
    const { host, domain } = input.target;
    const r = ctx.resolver;
    const opts = { signal: input.signal };
    const [a, aaaa, zone, mx, txt, soa, caa] = await Promise.all([
      followCnameChain(r, host, "A", input.signal),
      followCnameChain(r, host, "AAAA", input.signal),
      findZoneCut(r, host, domain, input.signal),
      r.query(domain, "MX", opts),
      r.query(domain, "TXT", opts),
      r.query(domain, "SOA", opts),
      r.query(domain, "CAA", opts),
    ]);

    const errors = new Errors();
    errors.fromChain(a, "A");
    // The same dangling name or loop is reported once, from the A walk.
    if (!a.loop) errors.fromChain(aaaa, "AAAA");
    for (const answer of zone.answers)
      if (ErrorGroups.dnsFailure.has(answer.status)) errors.fromAnswer(answer);
    for (const answer of [mx, txt, soa, caa]) errors.fromAnswer(answer);

    const chain = a.chain.length >= aaaa.chain.length ? a.chain : aaaa.chain;
    const section = emptyDnsSection();
    // Resolvers rotate answers: sorted, so the order says nothing the data does not.
    section.a = sortAddresses(a.records);
    section.aaaa = sortAddresses(aaaa.records);
    section.cname = chain.map((step) => step.to);
    section.ns = sortText(zone.ns);
    section.mx = records<MxRecord>(mx, "MX").sort(
      (x, y) => x.preference - y.preference || compareText(x.exchange, y.exchange),
    );
    section.txt = sortText(records<string>(txt, "TXT"));
    section.soa = records<SoaRecord>(soa, "SOA")[0] ?? null;
    section.caa = records<CaaRecord>(caa, "CAA").sort(
      (x, y) => x.flags - y.flags || compareText(x.tag, y.tag) || compareText(x.value, y.value),
    );

    const answers: Record<string, DnsAnswer> = {};
    for (const answer of [...a.answers, ...aaaa.answers, ...zone.answers, mx, txt, soa, caa]) {
      answers[`${answer.type} ${answer.name}`] = answer;
    }

    const unasked = ErrorGroups.dnsFailure.has(a.status) && ErrorGroups.dnsFailure.has(aaaa.status);
    const nxdomain = a.status === "NXDOMAIN" && a.chain.length === 0;
    return {
      status: unasked ? "error" : nxdomain ? "empty" : "ok",
      value: {
        section,
        zone: zone.zone,
        cnameChain: chain,
        chains: { a: a.chain, aaaa: aaaa.chain },
        answers,
      },
      errors: errors.list,
    };
  },
};
