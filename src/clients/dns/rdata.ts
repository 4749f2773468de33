// RDATA of the record types hostscan asks for, each bounded by its RDLENGTH: a field that
// runs short or leaves bytes over is a malformed reply, not something to guess around.
import ipaddr from "ipaddr.js";
import { HostscanError } from "../errors.js";
import type { DnsRecord } from "./types.js";
import { readName } from "./wire-name.js";

function bad(message: string): HostscanError {
  return new HostscanError("BAD_RESPONSE", message);
}

/**
 * Text of a character-string or CAA value: UTF-8, with control bytes (C0, DEL) and the
 * backslash written as \DDD so they never reach output raw.
 */
export function escapeText(bytes: Uint8Array): string {
  let out = "";
  let run = 0;
  const flush = (to: number) => {
    if (to > run) out += Buffer.from(bytes.subarray(run, to)).toString("utf8");
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b === 0x7f || b === 0x5c) {
      flush(i);
      out += `\\${b.toString().padStart(3, "0")}`;
      run = i + 1;
    }
  }
  flush(bytes.length);
  // Invalid UTF-8 becomes U+FFFD; C1 controls (U+0080–U+009F) are escaped by code point.
  return out.replace(
    /[\u0080-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// A name that must fill the RDATA exactly up to `end` (or be followed by more fields).
function nameAt(msg: Uint8Array, at: number, limit: number): { name: string; end: number } {
  const r = readName(msg, at);
  if (r.end > limit) throw bad("name runs past its RDLENGTH");
  return r;
}

function exact(at: number, end: number, type: string): void {
  if (at !== end) throw bad(`${type} record: RDLENGTH does not match its data`);
}

function u32(msg: Uint8Array, at: number): number {
  return new DataView(msg.buffer, msg.byteOffset, msg.byteLength).getUint32(at);
}

/**
 * The record for RDATA at [start, end) of a known type, or null for types hostscan does not
 * use. Throws BAD_RESPONSE when the data does not fill RDLENGTH exactly.
 */
export function decodeRdata(
  msg: Uint8Array,
  name: string,
  type: number,
  ttl: number,
  start: number,
  end: number,
): DnsRecord | null {
  const len = end - start;
  switch (type) {
    case 1: // A (RFC 1035 §3.4.1)
      if (len !== 4) throw bad(`A record with RDLENGTH ${len}, not 4`);
      return { name, ttl, type: "A", data: Array.from(msg.subarray(start, end)).join(".") };
    case 28: // AAAA (RFC 3596 §2.2)
      if (len !== 16) throw bad(`AAAA record with RDLENGTH ${len}, not 16`);
      return {
        name,
        ttl,
        type: "AAAA",
        data: ipaddr.fromByteArray(Array.from(msg.subarray(start, end))).toString(),
      };
    case 2:
    case 5:
    case 12: {
      const r = nameAt(msg, start, end);
      const t = type === 2 ? "NS" : type === 5 ? "CNAME" : "PTR";
      exact(r.end, end, t);
      return { name, ttl, type: t, data: r.name };
    }
    case 15: {
      if (len < 3) throw bad("MX record too short");
      const preference = (msg[start]! << 8) | msg[start + 1]!;
      const r = nameAt(msg, start + 2, end);
      exact(r.end, end, "MX");
      return { name, ttl, type: "MX", data: { preference, exchange: r.name } };
    }
    case 16: {
      // TXT (RFC 1035 §3.3.14): one or more character-strings, joined as one value.
      const chunks: string[] = [];
      let at = start;
      while (at < end) {
        const n = msg[at]!;
        if (at + 1 + n > end) throw bad("TXT character-string runs past its RDLENGTH");
        chunks.push(escapeText(msg.subarray(at + 1, at + 1 + n)));
        at += 1 + n;
      }
      if (chunks.length === 0) throw bad("TXT record without a character-string");
      return { name, ttl, type: "TXT", data: chunks.join("") };
    }
    case 6: {
      const m = nameAt(msg, start, end);
      const r = nameAt(msg, m.end, end);
      exact(r.end + 20, end, "SOA");
      const at = r.end;
      return {
        name,
        ttl,
        type: "SOA",
        data: {
          mname: m.name,
          rname: r.name,
          serial: u32(msg, at),
          refresh: u32(msg, at + 4),
          retry: u32(msg, at + 8),
          expire: u32(msg, at + 12),
          minimum: u32(msg, at + 16),
        },
      };
    }
    case 257: {
      // CAA (RFC 8659 §4.1): flags, tag length, tag, value.
      if (len < 2) throw bad("CAA record too short");
      const tagLen = msg[start + 1]!;
      if (tagLen === 0 || start + 2 + tagLen > end) throw bad("CAA tag length out of range");
      const tag = escapeText(msg.subarray(start + 2, start + 2 + tagLen)).toLowerCase();
      const value = escapeText(msg.subarray(start + 2 + tagLen, end));
      return { name, ttl, type: "CAA", data: { flags: msg[start]!, tag, value } };
    }
    default:
      return null;
  }
}
