import ipaddr from "ipaddr.js";

// Ranges of ipaddr.js `range()` that are ordinary public destinations. Everything else
// (loopback, RFC 1918, link-local, CGNAT, multicast, unspecified, reserved, ULA, …) is refused.
const PUBLIC_V4 = new Set(["unicast", "as112", "amt"]);
const PUBLIC_V6 = new Set(["unicast", "as112v6", "amt"]);

function embeddedV4(addr: ipaddr.IPv6, offset: number): ipaddr.IPv4 {
  const b = addr.toByteArray();
  return new ipaddr.IPv4(b.slice(offset, offset + 4));
}

/**
 * Why an address must not be contacted without --allow-private: the ipaddr.js range name
 * ("loopback", "private", "linkLocal", "carrierGradeNat", "uniqueLocal", …), or null when the
 * address is public. IPv4-mapped, RFC 6145, NAT64 (RFC 6052) and 6to4 (RFC 3056) forms are
 * judged by the IPv4 address they carry. An unparsable string counts as "invalid".
 */
export function specialAddressRange(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return "invalid";
  const addr = ipaddr.process(bare); // IPv4-mapped IPv6 becomes IPv4 here
  if (addr.kind() === "ipv4") {
    const range = addr.range();
    return PUBLIC_V4.has(range) ? null : range;
  }
  const v6 = addr as ipaddr.IPv6;
  const range = v6.range();
  if (PUBLIC_V6.has(range)) return null;
  if (range === "ipv4Mapped" || range === "rfc6145")
    return specialAddressRange(embeddedV4(v6, 12).toString());
  if (range === "rfc6052") {
    // 64:ff9b::/96 carries a global IPv4 address; 64:ff9b:1::/48 is for local use only (RFC 8215).
    if (v6.match(ipaddr.IPv6.parse("64:ff9b::"), 96)) {
      const inner = specialAddressRange(embeddedV4(v6, 12).toString());
      return inner ? `nat64 of ${inner}` : null;
    }
    return "rfc6052";
  }
  if (range === "6to4") {
    const inner = specialAddressRange(embeddedV4(v6, 2).toString());
    return inner ? `6to4 of ${inner}` : null;
  }
  return range;
}

/** True when the address is loopback, private, link-local or another special-use address. */
export function isPrivateAddress(ip: string): boolean {
  return specialAddressRange(ip) !== null;
}
