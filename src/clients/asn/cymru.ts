// Team Cymru's IP→ASN DNS interface (https://team-cymru.com/community-services/ip-asn-mapping):
// <reversed ip>.origin(6).asn.cymru.com TXT "ASN | prefix | CC | registry | allocated", then
// AS<n>.asn.cymru.com TXT "ASN | CC | registry | allocated | name".
import ipaddr from "ipaddr.js";
import type { DnsAnswer, Resolver } from "../dns/types.js";
import { HostscanError } from "../errors.js";
import { cleanText } from "../rdap/sanitize.js";

/** The BGP origin of an address as Team Cymru sees it. */
export interface CymruOrigin {
  asn: number;
  prefix: string | null;
  country: string | null;
  /** "arin", "ripencc", "apnic", "lacnic", "afrinic". */
  registry: string | null;
}

/** An answer: found, not announced (NXDOMAIN/NODATA), or an error with a stable code. */
export type CymruResult<T> =
  | { kind: "ok"; value: T }
  | { kind: "empty" }
  | { kind: "error"; error: HostscanError };

function nibbles(addr: ipaddr.IPv6): string[] {
  return addr.toByteArray().flatMap((b) => [(b >> 4).toString(16), (b & 15).toString(16)]);
}

/** The reverse-order labels of an address ("4.3.2.1" / 32 nibbles), or null if not an address. */
export function reversedLabels(ip: string): { labels: string; v6: boolean } | null {
  try {
    const addr = ipaddr.process(ip);
    if (addr.kind() === "ipv4")
      return { labels: addr.toByteArray().reverse().join("."), v6: false };
    return {
      labels: nibbles(addr as ipaddr.IPv6)
        .reverse()
        .join("."),
      v6: true,
    };
  } catch {
    return null;
  }
}

/** The origin question for an address. */
export function originName(ip: string): string | null {
  const r = reversedLabels(ip);
  return r ? `${r.labels}.${r.v6 ? "origin6" : "origin"}.asn.cymru.com` : null;
}

/** The PTR question for an address (in-addr.arpa / ip6.arpa). */
export function ptrName(ip: string): string | null {
  const r = reversedLabels(ip);
  return r ? `${r.labels}.${r.v6 ? "ip6" : "in-addr"}.arpa` : null;
}

// An answer is a line of a few fields; a hostile one could be 64 KiB of "|".
function fields(txt: string): string[] {
  return txt
    .slice(0, 1024)
    .split("|", 16)
    .map((f) => f.trim());
}

/** Parses origin TXT strings; several (multi-origin, more-specifics) → the longest prefix. */
export function parseOrigin(txts: string[]): CymruOrigin | null {
  let best: CymruOrigin | null = null;
  let bestLen = -1;
  for (const txt of txts) {
    const [asns, prefix, cc, registry] = fields(txt);
    const asn = Number(asns?.split(/\s+/)[0]);
    if (!Number.isInteger(asn) || asn <= 0) continue;
    const len = Number(prefix?.split("/")[1] ?? -1);
    if (len <= bestLen) continue;
    bestLen = len;
    best = {
      asn,
      prefix: prefix && /^[0-9a-f.:]+\/\d+$/i.test(prefix) ? prefix.toLowerCase() : null,
      country: cc && /^[A-Z]{2}$/i.test(cc) ? cc.toUpperCase() : null,
      registry: cleanText(registry, 20)?.toLowerCase() ?? null,
    };
  }
  return best;
}

/** Parses an AS description TXT: the name without its trailing ", CC". */
export function parseAsName(txts: string[]): string | null {
  for (const txt of txts) {
    const name = fields(txt).slice(4).join("|");
    const clean = cleanText(name.replace(/,\s*[A-Z]{2}$/, ""), 120);
    if (clean) return clean;
  }
  return null;
}

function txtStrings(answer: DnsAnswer): CymruResult<string[]> {
  if (answer.status === "NXDOMAIN" || answer.status === "NODATA") return { kind: "empty" };
  if (answer.status !== "NOERROR") {
    const code = answer.status === "BAD_RESPONSE" ? "BAD_RESPONSE" : answer.status;
    const why = answer.message ? `: ${answer.message}` : "";
    return {
      kind: "error",
      error: new HostscanError(code, `${answer.name} TXT ${answer.status}${why}`),
    };
  }
  const txts = answer.answers.filter((r) => r.type === "TXT").map((r) => String(r.data));
  return txts.length ? { kind: "ok", value: txts } : { kind: "empty" };
}

/** The origin AS, BGP prefix, country and RIR of an address. */
export async function cymruOrigin(
  resolver: Resolver,
  ip: string,
  signal?: AbortSignal,
): Promise<CymruResult<CymruOrigin>> {
  const name = originName(ip);
  if (!name)
    return { kind: "error", error: new HostscanError("BAD_RESPONSE", `not an IP address: ${ip}`) };
  const res = txtStrings(await resolver.query(name, "TXT", { signal }));
  if (res.kind !== "ok") return res;
  const origin = parseOrigin(res.value);
  return origin
    ? { kind: "ok", value: origin }
    : { kind: "error", error: new HostscanError("BAD_RESPONSE", `${name}: unreadable TXT`) };
}

/** The name of an AS ("CLOUDFLARENET"). */
export async function cymruAsName(
  resolver: Resolver,
  asn: number,
  signal?: AbortSignal,
): Promise<CymruResult<string>> {
  const res = txtStrings(await resolver.query(`as${asn}.asn.cymru.com`, "TXT", { signal }));
  if (res.kind !== "ok") return res;
  const name = parseAsName(res.value);
  return name ? { kind: "ok", value: name } : { kind: "empty" };
}
