// From a checked reply to a DnsAnswer: the status it means, and only the answer records that
// belong to the question (its name, then along the CNAME chain the reply itself gives).
import type { DecodedMessage } from "./message.js";
import type { DnsAnswer, DnsRecord, DnsStatus, RecordType } from "./types.js";

const RCODE_NAMES: Record<number, string> = {
  1: "FORMERR",
  2: "SERVFAIL",
  3: "NXDOMAIN",
  4: "NOTIMP",
  5: "REFUSED",
};

/**
 * Answer records on the question's chain: records of `name`, then of each CNAME target in
 * turn. Unrelated records a server adds are dropped (they were not asked for).
 */
export function chainRecords(name: string, type: RecordType, answers: DnsRecord[]): DnsRecord[] {
  const kept: DnsRecord[] = [];
  const visited = new Set<string>();
  let current = name;
  while (!visited.has(current)) {
    visited.add(current);
    const own = answers.filter((r) => r.name === current && (r.type === type || type === "CNAME"));
    const cname = answers.find((r) => r.name === current && r.type === "CNAME");
    if (own.length > 0) {
      kept.push(...own);
      break;
    }
    if (cname?.type !== "CNAME") break;
    kept.push(cname);
    current = cname.data;
  }
  return kept;
}

/** The status of a reply (RFC 1035 §4.1.1 rcodes; NODATA per RFC 2308 §2.2). */
export function replyStatus(rcode: number, answers: DnsRecord[]): DnsStatus {
  if (rcode === 0) return answers.length > 0 ? "NOERROR" : "NODATA";
  if (rcode === 3) return "NXDOMAIN";
  if (rcode === 5) return "REFUSED";
  return "SERVFAIL";
}

/** The DnsAnswer for a reply to `name`/`type`. */
export function toAnswer(
  name: string,
  type: RecordType,
  message: DecodedMessage,
  server: string,
  durationMs: number,
): DnsAnswer {
  const answers = chainRecords(name, type, message.answers);
  const status = replyStatus(message.rcode, answers);
  const rcodeName = RCODE_NAMES[message.rcode] ?? `rcode ${message.rcode}`;
  return {
    name,
    type,
    status,
    answers, // kept on NXDOMAIN too: a CNAME chain to a missing name (RFC 6604)
    authority: message.authority,
    server,
    message: status === "SERVFAIL" || status === "REFUSED" ? `server answered ${rcodeName}` : null,
    durationMs,
  };
}

/** A DnsAnswer for a question no server answered usefully. */
export function failedAnswer(
  name: string,
  type: RecordType,
  status: DnsStatus,
  message: string,
  server: string | null,
  durationMs: number,
): DnsAnswer {
  return { name, type, status, answers: [], authority: [], server, message, durationMs };
}
