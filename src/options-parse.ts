import { isIP } from "node:net";
import type { DnsServer } from "./options.js";

/** `ip`, `ip:port`, `[v6]:port` or a bare IPv6 address; null when malformed. */
export function parseHostPort(
  text: string,
  defaultPort: number,
): { host: string; port: number } | null {
  const t = text.trim();
  let host = t;
  let port = defaultPort;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracket) {
    host = bracket[1] as string;
    if (bracket[2]) port = Number(bracket[2]);
  } else if (isIP(t) !== 6 && t.includes(":")) {
    const i = t.lastIndexOf(":");
    host = t.slice(0, i);
    port = Number(t.slice(i + 1));
  }
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port };
}

/** A DNS server given as `ip[:port]` (port 53 by default); it must be an IP address. */
export function parseResolver(text: string): DnsServer | null {
  const hp = parseHostPort(text, 53);
  return hp && isIP(hp.host) !== 0 ? hp : null;
}

/** A whole number ≥ min, or null. */
export function parseIntAtLeast(text: string, min: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}
