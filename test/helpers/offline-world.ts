// Flags that keep every lookup of a CLI test on 127.0.0.1: a bootstrap that lists no RDAP
// servers (so nothing falls back to the built-in table of real ones), and a WHOIS server that
// refuses connections.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface OfflineRdap {
  url: string;
  close(): Promise<void>;
}

/** An HTTP server answering every bootstrap file with no services. */
export async function startEmptyBootstrap(): Promise<OfflineRdap> {
  const server: Server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (/\/(dns|ipv4|ipv6|asn)\.json$/.test(req.url ?? "")) {
      res.end(
        JSON.stringify({ version: "1.0", publication: "2026-11-01T00:00:00Z", services: [] }),
      );
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A closed port for --whois-server: connections are refused at once. */
export const CLOSED_WHOIS = "127.0.0.1:9";

/**
 * A closed port for --rdap-bootstrap, for tests that never mean to look registration data up.
 * An RDAP lookup there would fall back to the built-in table of real servers, so pair it with a
 * fake resolver (the RDAP client finds servers through the context's resolver only).
 */
export const CLOSED_RDAP_BOOTSTRAP = "http://127.0.0.1:9/";

/** Flags that point a CLI run at local DNS and RDAP servers, with no cache and no WHOIS. */
export function localFlags(world: { dns: string; rdapBootstrap: string }): string[] {
  return [
    "--no-cache",
    "--resolver",
    world.dns,
    "--rdap-bootstrap",
    world.rdapBootstrap,
    "--whois-server",
    CLOSED_WHOIS,
    "-t",
    "2000",
  ];
}
