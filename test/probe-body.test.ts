import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { probeSite } from "../src/clients/probe/probe.js";
import { type Route, startWebServer } from "./helpers/fake-web-server.js";
import { probeOptions, testClient } from "./helpers/probe-harness.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function probeRoute(route: Route, overrides: Parameters<typeof probeOptions>[0] = {}) {
  const server = await startWebServer({ routes: { "/": route } });
  open.push(server);
  const options = probeOptions({
    connectTo: [
      { host: "site.test", port: "80", connectHost: "127.0.0.1", connectPort: String(server.port) },
    ],
    ...overrides,
  });
  const client = testClient(options);
  open.push(client);
  return probeSite(client, options, {
    url: "http://site.test/",
    fallbackToHttp: false,
    signal: new AbortController().signal,
  });
}

describe("body reading", () => {
  it("caps a 20 MB body at --max-body and stops reading", async () => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const { page: evidence, errors } = await probeRoute(
      (_req, res) => {
        res.writeHead(200, {
          "content-type": "text/html",
          "content-length": String(20 * 1024 * 1024),
        });
        const pump = () => {
          while (sent < 20 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        pump();
      },
      { maxBodyBytes: 100_000, timeoutMs: 5000 },
    );
    // The cut is said: a warning, and the profile's http.truncated.
    expect(errors).toEqual([
      {
        source: "http",
        code: "TRUNCATED",
        severity: "warning",
        message: expect.stringContaining("longer than 100000 bytes (--max-body)"),
      },
    ]);
    expect(evidence?.response.truncated).toBe(true);
    expect(evidence?.body.length).toBe(100_000);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it("stops a gzip bomb at the cap, keeps what was read and notes TOO_LARGE", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 0)); // ~50 KB on the wire
    const { page: evidence, errors } = await probeRoute(
      { headers: { "content-type": "text/html", "content-encoding": "gzip" }, body: bomb },
      { maxBodyBytes: 256 * 1024 },
    );
    expect(evidence?.response.status).toBe(200);
    expect(evidence?.body.length).toBe(256 * 1024);
    expect(evidence?.response.truncated).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ source: "http", code: "TOO_LARGE" })]);
  });

  it.each(["gzip", "deflate", "br"])("decodes a %s body", async (encoding) => {
    const page = Buffer.from("<html><title>encoded</title></html>");
    const body =
      encoding === "gzip"
        ? zlib.gzipSync(page)
        : encoding === "br"
          ? zlib.brotliCompressSync(page)
          : zlib.deflateSync(page);
    const { page: evidence } = await probeRoute({
      headers: { "content-encoding": encoding },
      body,
    });
    expect(evidence?.body).toBe(page.toString());
  });

  it("times out a server that sends headers too slowly", async () => {
    const { page: evidence, errors } = await probeRoute(
      () => {
        /* never answers */
      },
      { timeoutMs: 300 },
    );
    expect(evidence).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ source: "http", code: "TIMEOUT" })]);
  });

  it("keeps status and headers when the body never comes, noting TIMEOUT", async () => {
    const { page: evidence, errors } = await probeRoute(
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/html", "x-served-by": "slowpoke" });
        res.write("<html>");
        res.flushHeaders();
      },
      { timeoutMs: 300 },
    );
    expect(evidence?.response.status).toBe(200);
    expect(evidence?.response.headers["x-served-by"]).toBe("slowpoke");
    expect(evidence?.body).toBe("<html>");
    expect(errors).toEqual([expect.objectContaining({ code: "TIMEOUT" })]);
  });

  // Raw C0 controls (ESC) are refused by undici's parser; C1 controls and other 8-bit bytes pass
  // and must travel as data (the table formatter strips them before printing).
  function rawResponse(head: string) {
    return (_req: unknown, res: import("node:http").ServerResponse) => {
      const socket = res.socket;
      res.detachSocket(socket as never);
      socket?.end(Buffer.from(`${head}Content-Length: 2\r\nConnection: close\r\n\r\nno`, "latin1"));
    };
  }

  it("keeps hostile 8-bit header values as data, lower-cases names and joins repeats", async () => {
    const { page: evidence, errors } = await probeRoute(
      rawResponse(
        "HTTP/1.1 503 Service Unavailable\r\nServer: evil\x9b31m\x9d0;pwned\r\nX-A: 1\r\nX-a: 2\r\n" +
          "Set-Cookie: a=1; Path=/\r\nSet-Cookie: SESSabc=2\r\n",
      ),
    );
    expect(evidence?.response.status).toBe(503);
    expect(evidence?.response.headers.server).toBe("evil\x9b31m\x9d0;pwned");
    expect(evidence?.response.headers["x-a"]).toBe("1, 2");
    expect(evidence?.cookies).toEqual({ a: "1", SESSabc: "2" });
    expect(errors).toEqual([expect.objectContaining({ code: "HTTP_STATUS" })]);
  });

  it("reports a header with a raw ESC byte as BAD_RESPONSE instead of crashing", async () => {
    const { page: evidence, errors } = await probeRoute(
      rawResponse("HTTP/1.1 200 OK\r\nServer: evil\x1b]0;pwned\x07\r\n"),
    );
    expect(evidence).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ source: "http", code: "BAD_RESPONSE" })]);
  });
});
