import ipaddr from "ipaddr.js";

/** The four IANA bootstrap registries (RFC 9224). */
export type BootstrapKind = "dns" | "ipv4" | "ipv6" | "asn";

/** One bootstrap file decoded: entries of (key, base URLs), plus what could not be decoded. */
export interface BootstrapFile {
  entries: { key: string; urls: string[] }[];
  publication: string | null;
}

/**
 * Decodes a bootstrap file (`{"services": [[[keys], [urls]], …]}`, RFC 9224 §3) tolerantly:
 * malformed services are skipped. Returns null when the shape is wrong or no service is usable.
 */
export function parseBootstrap(body: unknown): BootstrapFile | null {
  if (!body || typeof body !== "object") return null;
  const services = (body as { services?: unknown }).services;
  if (!Array.isArray(services)) return null;
  const entries: BootstrapFile["entries"] = [];
  for (const service of services) {
    if (!Array.isArray(service) || service.length < 2) continue;
    // object-tags.json has three members (contacts first); the last two are keys and URLs.
    const keys = service[service.length - 2];
    const urls = service[service.length - 1];
    if (!Array.isArray(keys) || !Array.isArray(urls)) continue;
    const good = urls.filter((u): u is string => typeof u === "string" && /^https?:\/\//i.test(u));
    if (good.length === 0) continue;
    // RFC 9224 §3: prefer https when both are listed; base URLs end with "/".
    good.sort((a, b) => Number(b.startsWith("https:")) - Number(a.startsWith("https:")));
    const bases = good.map((u) => (u.endsWith("/") ? u : `${u}/`));
    for (const key of keys) {
      if (typeof key === "string" && key) entries.push({ key: key.toLowerCase(), urls: bases });
    }
  }
  // An empty list is a valid file (a registry with no RDAP services): only a bad shape is null.
  if (entries.length === 0 && services.length > 0) return null;
  const publication = (body as { publication?: unknown }).publication;
  return { entries, publication: typeof publication === "string" ? publication : null };
}

/** Base URLs for a domain: the longest matching label suffix wins (RFC 9224 §4). */
export function matchDomain(file: BootstrapFile, name: string): string[] {
  const labels = name.toLowerCase().replace(/\.$/, "").split(".");
  const table = new Map(file.entries.map((e) => [e.key, e.urls]));
  for (let i = 0; i < labels.length; i++) {
    const urls = table.get(labels.slice(i).join("."));
    if (urls) return urls;
  }
  return [];
}

/** Base URLs for an address: the longest matching prefix wins (RFC 9224 §5). */
export function matchIp(file: BootstrapFile, address: string): string[] {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(address);
  } catch {
    return [];
  }
  let best: { bits: number; urls: string[] } | null = null;
  for (const entry of file.entries) {
    try {
      const [net, bits] = ipaddr.parseCIDR(entry.key);
      if (net.kind() !== addr.kind() || !addr.match([net, bits])) continue;
      if (!best || bits > best.bits) best = { bits, urls: entry.urls };
    } catch {
      // a malformed key in the file: skip it
    }
  }
  return best?.urls ?? [];
}

/** Base URLs for an AS number: the range "a-b" (or single number) that holds it (RFC 9224 §5.3). */
export function matchAsn(file: BootstrapFile, asn: number): string[] {
  let best: { size: number; urls: string[] } | null = null;
  for (const entry of file.entries) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(entry.key);
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = Number(m[2] ?? m[1]);
    if (asn < lo || asn > hi) continue;
    if (!best || hi - lo < best.size) best = { size: hi - lo, urls: entry.urls };
  }
  return best?.urls ?? [];
}
