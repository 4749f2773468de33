// Reading a provider's published address list, in the shapes providers and the lists that copy
// them use: plain lines (Cloudflare's ips-v4/ips-v6), Fastly's JSON, a MISP warninglist. Used by
// scripts/generate-ranges.mjs; the catalogue reads only the generated file.
import ipaddr from "ipaddr.js";

export type ListFormat = "lines" | "fastly" | "misp";

/** The CIDR prefixes of a list, normalised and sorted; anything that is not a CIDR is an error. */
export function parsePublishedList(text: string, format: ListFormat): string[] {
  const raw = entriesOf(text, format);
  const prefixes = raw.map((entry) => {
    if (!ipaddr.isValidCIDR(entry)) throw new Error(`not a CIDR prefix: ${JSON.stringify(entry)}`);
    const [addr, len] = ipaddr.parseCIDR(entry);
    return `${addr.toString()}/${len}`;
  });
  if (prefixes.length === 0) throw new Error("the list holds no prefixes");
  return [...new Set(prefixes)].sort(comparePrefixes);
}

/** A MISP warninglist's version (yyyymmdd) as an ISO date, or null. */
export function mispDate(text: string): string | null {
  const version = String((JSON.parse(text) as { version?: unknown }).version ?? "");
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function entriesOf(text: string, format: ListFormat): string[] {
  if (format === "lines") {
    return text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
  }
  const doc = JSON.parse(text) as Record<string, unknown>;
  const lists =
    format === "fastly" ? [doc.addresses, doc.ipv6_addresses] : [(doc as { list?: unknown }).list];
  return lists.flatMap((l) => (Array.isArray(l) ? l.map(String) : []));
}

// IPv4 before IPv6, then by address bytes, then by length: a stable, readable order.
function comparePrefixes(a: string, b: string): number {
  const [pa, la] = ipaddr.parseCIDR(a);
  const [pb, lb] = ipaddr.parseCIDR(b);
  if (pa.kind() !== pb.kind()) return pa.kind() === "ipv4" ? -1 : 1;
  const ba = pa.toByteArray();
  const bb = pb.toByteArray();
  for (let i = 0; i < ba.length; i++) {
    if (ba[i] !== bb[i]) return (ba[i] ?? 0) - (bb[i] ?? 0);
  }
  return la - lb;
}
