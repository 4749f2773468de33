// What every transport (UDP, TCP, DoH) shares: one question out, one checked reply back.
import { randomInt } from "node:crypto";
import type { DecodedHeader, DecodedMessage } from "./message.js";
import { TYPE_CODES } from "./message.js";
import type { DnsStatus, RecordType } from "./types.js";

/** One question to send: name already normalised (lower case, no trailing dot). */
export interface Ask {
  name: string;
  type: RecordType;
  /** Include the EDNS0 OPT record (dropped once when a server answers FORMERR). */
  edns: boolean;
  timeoutMs: number;
  signal: AbortSignal;
}

/** A transport's result: a reply that matches the question, TC over UDP, or why there is none. */
export type Exchange =
  | { kind: "reply"; message: DecodedMessage; server: string }
  | { kind: "truncated"; server: string }
  | { kind: "failed"; status: DnsStatus; message: string; server: string };

/** A fresh random 16-bit query ID from the CSPRNG (RFC 5452 §9.2). */
export function randomId(): number {
  return randomInt(0, 0x10000);
}

/**
 * True when a reply answers exactly this query: QR set, same ID, one question with the same
 * name (case-insensitive: both sides are lower-cased), type and class IN (RFC 5452 §4.1).
 */
export function matchesQuery(header: DecodedHeader, id: number, ask: Ask): boolean {
  const q = header.questions[0];
  return (
    header.qr &&
    header.id === id &&
    header.questions.length === 1 &&
    q !== undefined &&
    q.name === ask.name &&
    q.type === TYPE_CODES[ask.type] &&
    q.class === 1
  );
}

/** A failed exchange. */
export function failed(status: DnsStatus, message: string, server: string): Exchange {
  return { kind: "failed", status, message, server };
}

/** "host:port", with brackets around an IPv6 host. */
export function serverLabel(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}
