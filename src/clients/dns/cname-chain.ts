// Following a name's CNAME chain to the records of one type (RFC 1034 §3.6.2): the resolver's
// replies usually carry the whole chain; where one stops short, the last target is asked again.
import type { DnsAnswer, DnsStatus, RecordType, Resolver } from "./types.js";

/** Most CNAME steps followed before giving up (the chain is reported as a loop). */
export const MAX_CNAME_STEPS = 10;

/** Where following a chain ended. */
export interface ChainResult {
  /** Record data of `type` at the chain's end (addresses for A/AAAA). */
  records: string[];
  /** CNAME steps, in order. */
  chain: { from: string; to: string }[];
  /** Every answer received along the way. */
  answers: DnsAnswer[];
  /** Status of the last question asked (NXDOMAIN at the end of a dangling chain). */
  status: DnsStatus;
  /** The name the last question asked about. */
  lastName: string;
  /** Why the last question failed (TIMEOUT, SERVFAIL…), or null. */
  message: string | null;
  /** Set when the chain loops or is longer than MAX_CNAME_STEPS. */
  loop: string | null;
}

/** Asks `type` for `host` and follows CNAMEs to the end, detecting loops. */
export async function followCnameChain(
  resolver: Resolver,
  host: string,
  type: RecordType,
  signal?: AbortSignal,
): Promise<ChainResult> {
  const result: ChainResult = {
    records: [],
    chain: [],
    answers: [],
    status: "NOERROR",
    lastName: host,
    message: null,
    loop: null,
  };
  const visited = new Set([host]);
  let name = host;
  for (;;) {
    const answer = await resolver.query(name, type, signal ? { signal } : {});
    result.answers.push(answer);
    result.status = answer.status;
    result.lastName = name;
    result.message = answer.message;
    let current = name;
    for (const rec of answer.answers) {
      if (rec.name !== current) continue;
      if (rec.type === "CNAME") {
        if (visited.has(rec.data)) {
          result.loop = `CNAME loop: ${rec.name} → ${rec.data} was already visited`;
          return result;
        }
        if (result.chain.length >= MAX_CNAME_STEPS) {
          result.loop = `CNAME chain longer than ${MAX_CNAME_STEPS} steps`;
          return result;
        }
        visited.add(rec.data);
        result.chain.push({ from: current, to: rec.data });
        current = rec.data;
      } else if (rec.type === type && typeof rec.data === "string") {
        if (!result.records.includes(rec.data)) result.records.push(rec.data);
      }
    }
    // Done when records came, the name is gone or failed (NXDOMAIN keeps the chain that led
    // there, RFC 6604), or the reply did not move the chain on.
    if (answer.status !== "NOERROR" || result.records.length > 0 || current === name) {
      if (current !== name) result.lastName = current;
      return result;
    }
    name = current;
  }
}
