// DNS messages (RFC 1035 §4): queries are encoded with dns-packet; replies are decoded here,
// strictly, because dns-packet trusts RDLENGTH for nothing and hands label bytes through raw.
import dnsPacket from "dns-packet";
import { HostscanError } from "../errors.js";
import { decodeRdata } from "./rdata.js";
import type { DnsRecord, RecordType } from "./types.js";
import { readName } from "./wire-name.js";

/** Largest message accepted on any transport (the TCP length prefix's own limit). */
export const MAX_MESSAGE_BYTES = 65535;
/** EDNS0 UDP payload size we advertise (DNS Flag Day 2020). */
export const EDNS_UDP_SIZE = 1232;

/** The question a message carries. Names as `readName` gives them. */
export interface Question {
  name: string;
  type: number;
  class: number;
}

/** A decoded reply: header bits, its question, and the records hostscan understands. */
export interface DecodedMessage {
  id: number;
  qr: boolean;
  tc: boolean;
  rcode: number;
  questions: Question[];
  answers: DnsRecord[];
  authority: DnsRecord[];
}

/** Numeric codes of the record types hostscan asks for (RFC 1035, 3596, 8659). */
export const TYPE_CODES: Record<RecordType, number> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  CAA: 257,
};

const CLASS_IN = 1;
const TYPE_OPT = 41;

/** The wire form of a recursive query for `name`/`type`, with an EDNS0 OPT unless `edns` is false. */
export function encodeQuery(id: number, name: string, type: RecordType, edns = true): Buffer {
  return dnsPacket.encode({
    type: "query",
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type, class: "IN" }],
    additionals: edns
      ? [
          {
            type: "OPT",
            name: ".",
            udpPayloadSize: EDNS_UDP_SIZE,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: 0,
            flag_do: false,
            options: [],
          },
        ]
      : [],
  });
}

function bad(message: string): HostscanError {
  return new HostscanError("BAD_RESPONSE", message);
}

function u16(msg: Uint8Array, at: number): number {
  if (at + 2 > msg.length) throw bad("message ends inside a field");
  return (msg[at]! << 8) | msg[at + 1]!;
}

// One resource record: its header fields checked against the message, RDATA bounded by RDLENGTH.
function readRecord(msg: Uint8Array, offset: number): { record: DnsRecord | null; end: number } {
  const { name, end: nameEnd } = readName(msg, offset);
  if (nameEnd + 10 > msg.length) throw bad("record header runs past the end of the message");
  const type = u16(msg, nameEnd);
  const klass = u16(msg, nameEnd + 2);
  const view = new DataView(msg.buffer, msg.byteOffset, msg.byteLength);
  const ttl = view.getUint32(nameEnd + 4);
  const rdlength = u16(msg, nameEnd + 8);
  const start = nameEnd + 10;
  const end = start + rdlength;
  if (end > msg.length) throw bad(`RDLENGTH ${rdlength} runs past the end of the message`);
  if (type === TYPE_OPT || klass !== CLASS_IN) return { record: null, end };
  // RFC 2181 §8: a TTL with the top bit set is treated as zero.
  const record = decodeRdata(msg, name, type, ttl > 0x7fffffff ? 0 : ttl, start, end);
  return { record, end };
}

/** A message's header and question section: enough to match a reply and to see TC. */
export interface DecodedHeader {
  id: number;
  qr: boolean;
  tc: boolean;
  rcode: number;
  questions: Question[];
  /** Counts of the answer, authority and additional sections. */
  counts: [number, number, number];
  /** Offset just past the question section. */
  end: number;
}

/** Decodes the header and question section only; throws BAD_RESPONSE when malformed. */
export function decodeHeader(msg: Uint8Array): DecodedHeader {
  if (msg.length > MAX_MESSAGE_BYTES) throw bad(`message of ${msg.length} bytes is too large`);
  if (msg.length < 12) throw bad(`message of ${msg.length} bytes is shorter than a header`);
  const flags = u16(msg, 2);
  const qdcount = u16(msg, 4);
  let pos = 12;
  const questions: Question[] = [];
  for (let i = 0; i < qdcount; i++) {
    const { name, end } = readName(msg, pos);
    questions.push({ name, type: u16(msg, end), class: u16(msg, end + 2) });
    pos = end + 4;
  }
  return {
    id: u16(msg, 0),
    qr: (flags & 0x8000) !== 0,
    tc: (flags & 0x0200) !== 0,
    rcode: flags & 0x000f,
    questions,
    counts: [u16(msg, 6), u16(msg, 8), u16(msg, 10)],
    end: pos,
  };
}

/**
 * Decodes a reply strictly: every length checked against the message, A = 4 and AAAA = 16
 * octets, names escaped, compression loops refused. Records of types hostscan does not ask for
 * are skipped. Throws HostscanError BAD_RESPONSE on anything malformed.
 */
export function decodeMessage(msg: Uint8Array): DecodedMessage {
  const header = decodeHeader(msg);
  let pos = header.end;
  const sections: DnsRecord[][] = [[], [], []];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < header.counts[s]!; i++) {
      const { record, end } = readRecord(msg, pos);
      if (record) sections[s]!.push(record);
      pos = end;
    }
  }
  const { id, qr, tc, rcode, questions } = header;
  return { id, qr, tc, rcode, questions, answers: sections[0]!, authority: sections[1]! };
}
