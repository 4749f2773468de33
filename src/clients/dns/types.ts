import type { CaaRecord, MxRecord, SoaRecord } from "../records.js";

/** A DNS server to ask over UDP/TCP. */
export interface DnsServer {
  host: string;
  port: number;
}

/** Record types hostscan asks for. */
export type RecordType = "A" | "AAAA" | "CNAME" | "NS" | "MX" | "TXT" | "SOA" | "CAA" | "PTR";

/**
 * The outcome of one question, apart from errors: "no records" (NODATA) and "the server did not
 * answer" (TIMEOUT) are different results.
 */
export type DnsStatus =
  | "NOERROR"
  | "NODATA"
  | "NXDOMAIN"
  | "SERVFAIL"
  | "REFUSED"
  | "TIMEOUT"
  | "BAD_RESPONSE";

/** One decoded resource record. Names are lower-case ASCII without the trailing dot. */
export type DnsRecord =
  | { name: string; ttl: number; type: "A" | "AAAA"; data: string }
  | { name: string; ttl: number; type: "CNAME" | "NS" | "PTR"; data: string }
  | { name: string; ttl: number; type: "MX"; data: MxRecord }
  | { name: string; ttl: number; type: "TXT"; data: string }
  | { name: string; ttl: number; type: "SOA"; data: SoaRecord }
  | { name: string; ttl: number; type: "CAA"; data: CaaRecord };

export interface DnsAnswer {
  /** The question, as asked (lower-case, no trailing dot). */
  name: string;
  type: RecordType;
  status: DnsStatus;
  /** Answer section, in order; may hold CNAMEs before the records of `type`. */
  answers: DnsRecord[];
  /** Authority section (SOA on NODATA/NXDOMAIN, NS at a referral). */
  authority: DnsRecord[];
  /** "ip:port" or DoH URL of the server that answered; null when none did. */
  server: string | null;
  /** Why, when status is TIMEOUT, SERVFAIL, REFUSED or BAD_RESPONSE. */
  message: string | null;
  durationMs: number;
}

/** A DNS client: resolves one question; never throws for network or protocol trouble. */
export interface Resolver {
  query(name: string, type: RecordType, options?: { signal?: AbortSignal }): Promise<DnsAnswer>;
  /** Releases sockets and timers. */
  close(): Promise<void>;
}
