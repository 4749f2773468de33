// The parts of resolv.conf(5) hostscan honours: `nameserver`, `options timeout:` / `attempts:`.

import { parseDnsServer } from "./server-address.js";
import type { DnsServer } from "./types.js";

/** What a resolv.conf says; null where it says nothing. */
export interface ResolvConf {
  servers: DnsServer[];
  /** Per-try timeout in milliseconds (`options timeout:N`, N seconds, capped at 30). */
  timeoutMs: number | null;
  /** Tries per server (`options attempts:N`, capped at 5). */
  attempts: number | null;
}

/** glibc uses at most three nameservers (MAXNS). */
const MAX_SERVERS = 3;

/** Parses the text of /etc/resolv.conf; unknown or malformed lines are skipped. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { servers: [], timeoutMs: null, attempts: null };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, "").trim();
    const [keyword, ...args] = line.split(/\s+/);
    if (keyword === "nameserver" && args[0] && conf.servers.length < MAX_SERVERS) {
      // resolv.conf names a bare address; port 53 always.
      const server = parseDnsServer(args[0].includes(":") ? `[${args[0]}]` : args[0]);
      if (server) conf.servers.push(server);
    } else if (keyword === "options") {
      for (const opt of args) {
        const m = /^(timeout|attempts):(\d{1,4})$/.exec(opt);
        if (!m) continue;
        const n = Number(m[2]);
        if (m[1] === "timeout") conf.timeoutMs = Math.min(Math.max(n, 1), 30) * 1000;
        else conf.attempts = Math.min(Math.max(n, 1), 5);
      }
    }
  }
  return conf;
}
