// Domain names on the wire (RFC 1035 §3.1, §4.1.4), decoded defensively: every label byte that
// is not a printable, unambiguous ASCII character is escaped as \DDD (as dig prints it), so a
// hostile name can never reach output raw.
import { HostscanError } from "../errors.js";

/** A name may be at most 255 octets on the wire (RFC 1035 §2.3.4). */
const MAX_WIRE_NAME = 255;
/** Compression pointers followed for one name; a legitimate name needs far fewer. */
const MAX_POINTERS = 64;

function bad(message: string): HostscanError {
  return new HostscanError("BAD_RESPONSE", message);
}

/** Presentation form of one label: ASCII lower-cased, `.` and `\` backslash-escaped, others \DDD. */
export function escapeLabel(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    if (b >= 0x41 && b <= 0x5a) out += String.fromCharCode(b + 0x20);
    else if (b === 0x2e || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b > 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString().padStart(3, "0")}`;
  }
  return out;
}

/**
 * Decodes the name at `offset`: its lower-case presentation form without the trailing dot ("."
 * for the root) and the offset just past it. Pointers must point strictly backwards, which makes
 * loops impossible; their number and the name's length are capped too. Throws BAD_RESPONSE.
 */
export function readName(msg: Uint8Array, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let pos = offset;
  let end = -1;
  let wireLength = 0;
  let pointers = 0;
  let lowestJump = offset;
  for (;;) {
    if (pos >= msg.length) throw bad("name runs past the end of the message");
    const len = msg[pos]!;
    if (len === 0) {
      if (end < 0) end = pos + 1;
      break;
    }
    const kind = len & 0xc0;
    if (kind === 0xc0) {
      if (pos + 1 >= msg.length) throw bad("compression pointer runs past the end of the message");
      const target = ((len & 0x3f) << 8) | msg[pos + 1]!;
      if (end < 0) end = pos + 2;
      // Only backwards, and each jump lower than the last: no loop can form.
      if (target >= lowestJump) throw bad("compression pointer loop or forward pointer");
      if (++pointers > MAX_POINTERS) throw bad("too many compression pointers");
      lowestJump = target;
      pos = target;
      continue;
    }
    if (kind !== 0) throw bad(`unknown label type 0x${len.toString(16)}`);
    if (pos + 1 + len > msg.length) throw bad("label runs past the end of the message");
    wireLength += len + 1;
    if (wireLength + 1 > MAX_WIRE_NAME) throw bad("name longer than 255 octets");
    labels.push(escapeLabel(msg.subarray(pos + 1, pos + 1 + len)));
    pos += 1 + len;
  }
  return { name: labels.length === 0 ? "." : labels.join("."), end };
}

/**
 * Normalises a name a caller wants to ask about (lower case, no trailing dot), or returns null
 * when it cannot be asked: empty labels, labels over 63 or names over 253 octets, or bytes
 * outside printable ASCII / a backslash (the only names whose wire form is unambiguous).
 */
export function normaliseQueryName(name: string): string | null {
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n.length === 0 || n.length > 253) return null;
  if (!/^[\x21-\x5b\x5d-\x7e]+$/.test(n)) return null;
  for (const label of n.split(".")) if (label.length === 0 || label.length > 63) return null;
  return n;
}
