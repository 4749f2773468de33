// A local RDAP world on 127.0.0.1: IANA-style bootstrap files whose service URLs point back
// to this server, and registry/registrar/RIR documents under one path prefix per "server":
// /verisign/com/v1/, /verisign/net/v1/, /registrar/rdap/, /arin/registry/, /ripe/, /apnic/,
// /afrinic/. Routes ending in "*" match by prefix; anything unknown is an empty 404.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One canned answer: JSON for objects, raw text for strings; `hang` never answers. */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  hang?: boolean;
  delayMs?: number;
}

/** A fixed answer, or one computed from the request (path, and how often it was asked). */
export type FakeRoute = FakeResponse | ((req: { path: string; count: number }) => FakeResponse);

export interface FakeRdapServer {
  /** "http://127.0.0.1:port" (no trailing slash). */
  url: string;
  /** The --rdap-bootstrap base URL ("…/bootstrap/"). */
  bootstrapUrl: string;
  /** Every request path, in order. */
  requests: string[];
  /** Most requests the server had open at once. */
  maxInFlight: number;
  /** Adds or replaces a route ("{{BASE}}" in string bodies becomes `url`). */
  route(path: string, route: FakeRoute): void;
  /** How many requests started with `prefix`. */
  count(prefix: string): number;
  close(): Promise<void>;
}

const FIXTURES = new URL("../fixtures/rdap/", import.meta.url);

/** A fixture document from test/fixtures/rdap with "{{BASE}}" replaced. */
export function rdapFixture(name: string, base: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8").replaceAll("{{BASE}}", base));
}

function bootstrapFile(services: [string[], string[]][]): unknown {
  return { description: "fake", publication: "2026-11-01T00:00:00Z", services, version: "1.0" };
}

function defaultRoutes(base: string): Record<string, FakeRoute> {
  const doc = (name: string): FakeResponse => ({ body: rdapFixture(name, base) });
  return {
    "/bootstrap/dns.json": {
      headers: { "content-type": "text/plain" },
      body: bootstrapFile([
        [["com"], [`${base}/verisign/com/v1/`]],
        [["net"], [`${base}/verisign/net/v1/`]],
      ]),
    },
    "/bootstrap/ipv4.json": {
      body: bootstrapFile([
        [["104.16.0.0/12", "192.0.2.0/24"], [`${base}/arin/registry/`]],
        [["151.0.0.0/8", "130.59.0.0/16"], [`${base}/ripe/`]],
        [["1.0.0.0/8"], [`${base}/apnic/`]],
        [["196.0.0.0/8"], [`${base}/afrinic/`]],
      ]),
    },
    "/bootstrap/ipv6.json": {
      body: bootstrapFile([[["2606:4700::/32"], [`${base}/arin/registry/`]]]),
    },
    "/bootstrap/asn.json": {
      body: bootstrapFile([[["13335", "54113"], [`${base}/arin/registry/`]]]),
    },
    "/verisign/com/v1/domain/example.com": doc("verisign-domain-example.com.json"),
    "/registrar/rdap/domain/EXAMPLE.COM": doc("registrar-domain-example.com.json"),
    "/arin/registry/ip/104.*": doc("arin-ip-104.16.0.0.json"),
    "/arin/registry/ip/151.101.*": doc("arin-ip-151.101.0.0.json"),
    // 151.101.0.0/16 was transferred from RIPE to ARIN (ERX): RIPE answers with a redirect.
    "/ripe/ip/151.101.*": ({ path }) => ({
      status: 301,
      headers: { location: `${base}/arin/registry/ip/${path.split("/ip/")[1]}` },
      body: "",
    }),
    "/ripe/ip/130.59.*": doc("ripe-ip-130.59.0.0.json"),
    "/apnic/ip/1.1.1.*": doc("apnic-ip-1.1.1.0.json"),
    "/afrinic/ip/196.*": doc("afrinic-ip-196.11.239.0.json"),
    "/arin/registry/autnum/13335": doc("arin-autnum-13335.json"),
  };
}

/** Starts the fake RDAP world; `routes` add to or replace the defaults. */
export async function startFakeRdapServer(
  options: { routes?: Record<string, FakeRoute> } = {},
): Promise<FakeRdapServer> {
  const routes = new Map<string, FakeRoute>();
  const requests: string[] = [];
  const counts = new Map<string, number>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };

  const find = (path: string): FakeRoute | undefined => {
    const exact = routes.get(path);
    if (exact) return exact;
    let best: [string, FakeRoute] | undefined;
    for (const [key, route] of routes) {
      if (key.endsWith("*") && path.startsWith(key.slice(0, -1))) {
        if (!best || key.length > best[0].length) best = [key, route];
      }
    }
    return best?.[1];
  };

  const server = createServer(async (req: IncomingMessage, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    requests.push(path);
    counts.set(path, (counts.get(path) ?? 0) + 1);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on("close", () => {
      inFlight--;
    });
    const route = find(path);
    const answer: FakeResponse =
      typeof route === "function"
        ? route({ path, count: counts.get(path) ?? 1 })
        : (route ?? { status: 404, body: "" });
    if (answer.hang) return;
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const text =
      typeof answer.body === "string"
        ? answer.body.replaceAll("{{BASE}}", base)
        : answer.body === undefined
          ? ""
          : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, {
      "content-type": typeof answer.body === "string" ? "text/plain" : "application/rdap+json",
      ...answer.headers,
    });
    res.end(text);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [k, v] of Object.entries({ ...defaultRoutes(base), ...options.routes }))
    routes.set(k, v);

  return {
    url: base,
    bootstrapUrl: `${base}/bootstrap/`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    route: (path, route) => {
      routes.set(path, route);
    },
    count: (prefix) => requests.filter((p) => p.startsWith(prefix)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
