// `--resolver ip[:port]` and `[v6]:port`: DNS servers are IP addresses, never names to resolve.
import net from "node:net";
import type { DnsServer } from "./types.js";

/** The server for "ip", "ip:port", "v6", "[v6]" or "[v6]:port" (port 53 by default), else null. */
export function parseDnsServer(text: string): DnsServer | null {
  const s = text.trim();
  let host = s;
  let port = "53";
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracket) {
    host = bracket[1]!;
    port = bracket[2] ?? "53";
  } else if (/^[^:]+:\d+$/.test(s)) {
    [host, port] = s.split(":") as [string, string];
  }
  const n = Number(port);
  if (!/^\d{1,5}$/.test(port) || n < 1 || n > 65535) return null;
  const bare = host.replace(/%[\w.-]+$/, ""); // IPv6 zone index (fe80::1%eth0)
  if (net.isIPv4(host)) return { host, port: n };
  if (net.isIPv6(bare)) return { host, port: n };
  return null;
}
