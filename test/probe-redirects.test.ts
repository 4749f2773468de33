import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { probeSite } from "../src/clients/probe/probe.js";
import type { ScanOptions } from "../src/scan/options.js";
import { startSocksProxy } from "./helpers/fake-socks-proxy.js";
import {
  type FakeWebServer,
  type Route,
  startConnectProxy,
  startWebServer,
} from "./helpers/fake-web-server.js";
import { probeOptions, testClient } from "./helpers/probe-harness.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function serve(routes: Record<string, Route>, tls?: "valid"): Promise<FakeWebServer> {
  const server = await startWebServer({ routes, tls });
  open.push(server);
  return server;
}

function rule(host: string, port: string, connectPort: number) {
  return { host, port, connectHost: "127.0.0.1", connectPort: String(connectPort) };
}

async function run(
  options: ScanOptions,
  url: string,
  table: Record<string, string[]> = {},
  fallbackToHttp = true,
) {
  const client = testClient(options, table);
  open.push(client);
  return probeSite(client, options, { url, fallbackToHttp, signal: new AbortController().signal });
}

const redirect = (to: string, status = 301): Route => ({
  status,
  headers: { location: to },
  body: "moved",
});

describe("redirects", () => {
  it("follows a chain across hosts and records each hop", async () => {
    const server = await serve({
      "/": redirect("/a"),
      "/a": redirect("http://www.site.test/b", 302),
      "/b": { body: "<p>end</p>" },
    });
    const options = probeOptions({ connectTo: [rule("", "", server.port)] });
    const { page: evidence, errors } = await run(options, "http://site.test/");
    expect(errors).toEqual([]);
    expect(evidence?.response).toMatchObject({
      url: "http://site.test/",
      finalUrl: "http://www.site.test/b",
      status: 200,
      redirects: ["http://site.test/", "http://site.test/a"],
    });
    expect(evidence?.chainHeaders).toHaveLength(3);
    expect(evidence?.body).toBe("<p>end</p>");
  });

  it("does not follow a redirect to another site: its servers say nothing about this one", async () => {
    const server = await serve({
      "/": redirect("/a"),
      "/a": {
        status: 302,
        headers: { location: "https://shop.other-site.test/", server: "own-edge" },
        body: "",
      },
    });
    const options = probeOptions({ connectTo: [rule("", "", server.port)] });
    const { page: evidence, errors } = await run(options, "http://site.test/");
    expect(errors).toEqual([]);
    expect(evidence?.response).toMatchObject({
      finalUrl: "http://site.test/a",
      status: 302,
      redirects: ["http://site.test/"],
      offsiteRedirect: "https://shop.other-site.test/",
    });
    // The headers judged are the site's own (the redirecting server's).
    expect(evidence?.response.headers.server).toBe("own-edge");
    // Only the site's own two URLs were asked for.
    expect(server.requests).toHaveLength(2);
  });

  it("two users of a shared suffix are two sites (evil.duckdns.org is not victim.duckdns.org)", async () => {
    const server = await serve({ "/": redirect("http://victim.duckdns.org/") });
    const options = probeOptions({ connectTo: [rule("", "", server.port)] });
    const { page: evidence } = await run(options, "http://evil.duckdns.org/");
    expect(evidence?.response.offsiteRedirect).toBe("http://victim.duckdns.org/");
    expect(server.requests).toHaveLength(1);
  });

  it("stops at a redirect loop with REDIRECT_LOOP and keeps the last response", async () => {
    const server = await serve({ "/": redirect("/x"), "/x": redirect("/") });
    const { page: evidence, errors } = await run(
      probeOptions({ connectTo: [rule("", "", server.port)] }),
      "http://site.test/",
    );
    expect(errors.map((e) => e.code)).toEqual(["REDIRECT_LOOP"]);
    expect(evidence?.response.status).toBe(301);
  });

  it("stops after 10 redirects with TOO_MANY_REDIRECTS", async () => {
    const server = await serve({
      "*": (req, res) => res.writeHead(302, { location: `${req.url}x` }).end(),
    });
    const { page: evidence, errors } = await run(
      probeOptions({ connectTo: [rule("", "", server.port)] }),
      "http://site.test/",
    );
    expect(errors.map((e) => e.code)).toEqual(["TOO_MANY_REDIRECTS"]);
    expect(evidence?.response.redirects).toHaveLength(10);
    expect(server.requests).toHaveLength(11);
  });

  it("refuses a same-site redirect to a name that resolves to 127.0.0.1 and keeps the rest", async () => {
    const server = await serve({ "/": redirect("http://admin.public.example:9/") });
    const options = probeOptions({ connectTo: [rule("public.example", "80", server.port)] });
    const { page: evidence, errors } = await run(options, "http://public.example/", {
      "admin.public.example": ["127.0.0.1"],
    });
    expect(errors).toEqual([expect.objectContaining({ source: "http", code: "PRIVATE_ADDRESS" })]);
    expect(evidence?.response.status).toBe(301);
  });

  it("a redirect straight to 127.0.0.1 is off-site: never followed", async () => {
    const server = await serve({ "/": redirect("http://127.0.0.1:9/admin") });
    const options = probeOptions({ connectTo: [rule("public.example", "80", server.port)] });
    const { page: evidence, errors } = await run(options, "http://public.example/");
    expect(errors).toEqual([]);
    expect(evidence?.response).toMatchObject({
      status: 301,
      offsiteRedirect: "http://127.0.0.1:9/admin",
    });
  });
});

describe("connecting", () => {
  it("refuses a name that resolves to a private address, without connecting", async () => {
    const server = await serve({ "/": { body: "secret" } });
    const url = `http://intranet.test:${server.port}/`;
    const { page: evidence, errors } = await run(probeOptions(), url, {
      "intranet.test": ["127.0.0.1"],
    });
    expect(evidence).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ source: "http", code: "PRIVATE_ADDRESS" })]);
    expect(server.requests).toHaveLength(0);
  });

  it("contacts a private address with --allow-private, resolved by our DNS client", async () => {
    const server = await serve({ "/": { body: "ok" } });
    const url = `http://intranet.test:${server.port}/`;
    const { page: evidence } = await run(probeOptions({ allowPrivate: true }), url, {
      "intranet.test": ["127.0.0.1"],
    });
    expect(evidence?.response.status).toBe(200);
    expect(server.requests[0]?.headers.host).toBe(`intranet.test:${server.port}`);
  });

  it("falls back to http:// when https:// cannot connect", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const server = await serve({ "/": { body: "plain" } });
    const options = probeOptions({
      connectTo: [rule("site.test", "443", closed), rule("site.test", "80", server.port)],
    });
    const { page: evidence, errors } = await run(options, "https://site.test/");
    expect(errors.map((e) => e.code)).toEqual(["CONNECTION_REFUSED"]);
    expect(evidence?.response).toMatchObject({
      url: "http://site.test/",
      finalUrl: "http://site.test/",
      status: 200,
      tls: null,
    });
  });

  it("sends Host and SNI of the name while --connect-to picks the address (curl semantics)", async () => {
    const server = await serve({ "/": { body: "tls" } }, "valid");
    const options = probeOptions({ connectTo: [rule("site.test", "443", server.port)] });
    const { page: evidence } = await run(options, "https://site.test/");
    expect(evidence?.response.tls?.trusted).toBe(true);
    expect(server.requests[0]?.headers.host).toBe("site.test");
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/hostscan/);
  });

  it("goes through an HTTP CONNECT proxy and still records the certificate", async () => {
    const server = await serve({ "/": { body: "via proxy" } }, "valid");
    const proxy = await startConnectProxy();
    open.push(proxy);
    const options = probeOptions({
      proxy: proxy.url,
      connectTo: [rule("site.test", "443", server.port)],
    });
    const { page: evidence, errors } = await run(options, "https://site.test/");
    expect(errors).toEqual([]);
    expect(proxy.connects).toEqual([`127.0.0.1:${server.port}`]);
    expect(evidence?.body).toBe("via proxy");
    expect(evidence?.response.tls?.trusted).toBe(true);
  });

  it("goes through an https:// proxy (TLS to the proxy, then TLS to the site inside the tunnel)", async () => {
    const server = await serve({ "/": { body: "via tls proxy" } }, "valid");
    const proxy = await startConnectProxy({ tls: "valid" });
    open.push(proxy);
    const options = probeOptions({
      proxy: proxy.url,
      connectTo: [rule("site.test", "443", server.port)],
    });
    const { page: evidence, errors } = await run(options, "https://site.test/");
    expect(proxy.url).toMatch(/^https:/);
    expect(errors).toEqual([]);
    expect(proxy.connects).toEqual([`127.0.0.1:${server.port}`]);
    expect(evidence?.body).toBe("via tls proxy");
    expect(evidence?.response.tls?.subject).toBe("site.test");
  });

  it("CONNECT asks the proxy for the vetted IP address, not the name; Host, SNI and certificate use the name", async () => {
    const server = await serve({ "/": { body: "via proxy" } }, "valid");
    const proxy = await startConnectProxy();
    open.push(proxy);
    // Only the port is rewritten: the address comes from hostscan's own resolver (the table).
    const options = probeOptions({
      proxy: proxy.url,
      allowPrivate: true,
      connectTo: [
        { host: "site.test", port: "443", connectHost: "", connectPort: String(server.port) },
      ],
    });
    const { page: evidence, errors } = await run(options, "https://site.test/", {
      "site.test": ["127.0.0.1"],
    });
    expect(errors).toEqual([]);
    expect(proxy.connects).toEqual([`127.0.0.1:${server.port}`]);
    expect(server.requests[0]?.headers.host).toBe("site.test");
    expect(evidence?.response.tls).toMatchObject({ trusted: true, error: null });
  });

  it("SOCKS5 asks the proxy for the vetted IP address (address type IPv4), not the name", async () => {
    const server = await serve({ "/": { body: "via socks" } }, "valid");
    const proxy = await startSocksProxy();
    open.push(proxy);
    const options = probeOptions({
      proxy: proxy.url,
      allowPrivate: true,
      connectTo: [
        { host: "site.test", port: "443", connectHost: "", connectPort: String(server.port) },
      ],
    });
    const { page: evidence, errors } = await run(options, "https://site.test/", {
      "site.test": ["127.0.0.1"],
    });
    expect(errors).toEqual([]);
    expect(proxy.connects).toEqual([`ipv4 127.0.0.1:${server.port}`]);
    expect(evidence?.body).toBe("via socks");
    expect(server.requests[0]?.headers.host).toBe("site.test");
    expect(evidence?.response.tls?.trusted).toBe(true);
  });

  it("reuses a keep-alive connection when the same origin is probed again", async () => {
    const server = await serve({ "/": { body: "again" } });
    const options = probeOptions({
      timeoutMs: 2000,
      connectTo: [rule("site.test", "80", server.port)],
    });
    const client = testClient(options);
    open.push(client);
    const req = {
      url: "http://site.test/",
      fallbackToHttp: false,
      signal: new AbortController().signal,
    };
    await probeSite(client, options, req);
    await probeSite(client, options, req);
    expect(server.requests).toHaveLength(2);
    expect(server.connections()).toBe(1);
  });
});
