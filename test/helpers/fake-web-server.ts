import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import net from "node:net";
import { type LeafKind, type TestCert, testCert } from "./test-certs.js";

/** A route: a handler, or a canned response. */
export type Route =
  | ((req: IncomingMessage, res: ServerResponse) => void)
  | { status?: number; headers?: Record<string, string | string[]>; body?: string | Buffer };

export interface WebServerOptions {
  /** Path (without query) → route; "*" answers every other path. Unknown paths get 404. */
  routes: Record<string, Route>;
  /** Serve HTTPS with one of the test leaves (test/fixtures/certs) or a given cert/key. */
  tls?: LeafKind | TestCert;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A local HTTP(S) server on 127.0.0.1 with a random port. */
export interface FakeWebServer {
  port: number;
  /** "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT". */
  origin: string;
  /** Every request received, in order. */
  requests: SeenRequest[];
  /** Number of TCP connections accepted (keep-alive reuse shows as fewer connections). */
  connections(): number;
  close(): Promise<void>;
}

/** Starts a fake web server; close() ends open connections too, so hanging routes are fine. */
export async function startWebServer(options: WebServerOptions): Promise<FakeWebServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push({ method: req.method ?? "GET", path, headers: req.headers });
    const route = options.routes[path] ?? options.routes["*"];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") {
      route(req, res);
      return;
    }
    res.writeHead(route.status ?? 200, route.headers ?? { "content-type": "text/html" });
    res.end(route.body ?? "");
  };
  const tls = typeof options.tls === "string" ? testCert(options.tls) : options.tls;
  const server = tls
    ? https.createServer({ cert: tls.cert, key: tls.key }, handler)
    : http.createServer(handler);
  server.on(tls ? "secureConnection" : "connection", () => accepted++);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("tlsClientError", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A local HTTP CONNECT proxy (RFC 9110 §9.3.6) that records every authority it was asked for;
 * with `tls`, an https:// proxy (TLS to the proxy itself) using one of the test leaves.
 */
export async function startConnectProxy(options: { tls?: LeafKind } = {}): Promise<{
  port: number;
  url: string;
  connects: string[];
  close(): Promise<void>;
}> {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const refuse = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(405).end();
  const server = options.tls
    ? https.createServer(testCert(options.tls), refuse)
    : http.createServer(refuse);
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req.url ?? "");
    sockets.add(client);
    const [host, port] = (req.url ?? "").split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), (host ?? "").replace(/^\[|\]$/g, ""), () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
