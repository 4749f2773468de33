import { afterEach, describe, expect, it } from "vitest";
import { createDiskCache } from "../src/clients/cache/disk-cache.js";
import { RdapClient } from "../src/clients/rdap/rdap-client.js";
import type { RdapHttpOptions } from "../src/clients/rdap/types.js";
import { defaultOptions } from "../src/scan/options.js";
import { type FakeRdapServer, startFakeRdapServer } from "./helpers/fake-rdap-server.js";

let fake: FakeRdapServer | null = null;
let client: RdapClient | null = null;

afterEach(async () => {
  await client?.close();
  await fake?.close();
  client = null;
  fake = null;
});

async function setup(http: Partial<RdapHttpOptions> = {}, timeoutMs = 2000) {
  fake = await startFakeRdapServer();
  const options = defaultOptions({ rdapBootstrap: fake.bootstrapUrl, timeoutMs });
  client = new RdapClient(options, {
    cache: createDiskCache(null),
    log: () => {},
    now: () => Date.now(),
    http: { retryBaseMs: 5, maxRetryWaitMs: 200, ...http },
  });
  return { fake, client };
}

describe("RDAP HTTP client", () => {
  it("waits out a 429 with Retry-After and records the attempt", async () => {
    const { fake, client } = await setup();
    fake.route("/x", ({ count }) =>
      count === 1
        ? { status: 429, headers: { "retry-after": "0" }, body: "" }
        : { body: { ok: 1 } },
    );
    const res = await client.fetch(`${fake.url}/x`);
    expect(res.kind).toBe("ok");
    expect(res.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(res.attempts[0]?.error).toMatch(/^RATE_LIMITED/);
  });

  it("429 without Retry-After backs off, then gives up with RATE_LIMITED", async () => {
    const { fake, client } = await setup({ maxRetries: 2 });
    fake.route("/busy", { status: 429, body: "" });
    const res = await client.fetch(`${fake.url}/busy`);
    expect(res.kind).toBe("error");
    if (res.kind === "error") expect(res.error.code).toBe("RATE_LIMITED");
    expect(fake.count("/busy")).toBe(3);
  });

  it("a Retry-After longer than the bounded wait gives up at once", async () => {
    const { fake, client } = await setup();
    fake.route("/later", { status: 429, headers: { "retry-after": "3600" }, body: "" });
    const res = await client.fetch(`${fake.url}/later`);
    expect(res.kind === "error" && res.error.code).toBe("RATE_LIMITED");
    expect(fake.count("/later")).toBe(1);
  });

  it("detects a redirect loop", async () => {
    const { fake, client } = await setup();
    fake.route("/a", { status: 301, headers: { location: "/b" }, body: "" });
    fake.route("/b", { status: 302, headers: { location: "/a" }, body: "" });
    const res = await client.fetch(`${fake.url}/a`);
    expect(res.kind === "error" && res.error.code).toBe("REDIRECT_LOOP");
  });

  it("stops after five redirects", async () => {
    const { fake, client } = await setup();
    fake.route("/r/*", ({ path }) => ({
      status: 302,
      headers: { location: `/r/${Number(path.split("/")[2]) + 1}` },
      body: "",
    }));
    const res = await client.fetch(`${fake.url}/r/0`);
    expect(res.kind === "error" && res.error.code).toBe("TOO_MANY_REDIRECTS");
  });

  it("times out a server that never answers", async () => {
    const { fake, client } = await setup({}, 150);
    fake.route("/hang", { hang: true });
    const res = await client.fetch(`${fake.url}/hang`);
    expect(res.kind === "error" && res.error.code).toBe("TIMEOUT");
    expect(res.kind === "error" && res.error.message).toMatch(/no answer in 150 ms/);
  });

  it("malformed JSON is BAD_RESPONSE", async () => {
    const { fake, client } = await setup();
    fake.route("/bad", {
      headers: { "content-type": "application/rdap+json" },
      body: '{"objectClassName": ',
    });
    const res = await client.fetch(`${fake.url}/bad`);
    expect(res.kind === "error" && res.error.code).toBe("BAD_RESPONSE");
  });

  it("an HTML error page (200 or 404) is BAD_RESPONSE, an empty 404 is not-found", async () => {
    const { fake, client } = await setup();
    const html = {
      headers: { "content-type": "text/html" },
      body: "<html><h1>Not Found</h1></html>",
    };
    fake.route("/html200", html);
    fake.route("/html404", { ...html, status: 404 });
    expect((await client.fetch(`${fake.url}/html200`)).kind).toBe("error");
    const r404 = await client.fetch(`${fake.url}/html404`);
    expect(r404.kind === "error" && r404.error.code).toBe("BAD_RESPONSE");
    expect((await client.fetch(`${fake.url}/nothing-here`)).kind).toBe("not-found");
  });

  it("a body over the cap is TOO_LARGE", async () => {
    const { fake, client } = await setup({ maxBodyBytes: 1000 });
    fake.route("/big", { body: { pad: "x".repeat(5000) } });
    const res = await client.fetch(`${fake.url}/big`);
    expect(res.kind === "error" && res.error.code).toBe("TOO_LARGE");
  });

  it("never has more requests in flight to one server than the cap", async () => {
    const { fake, client } = await setup({ maxInFlightPerServer: 3 });
    fake.route("/slow/*", { delayMs: 20, body: { ok: 1 } });
    const all = await Promise.all(
      Array.from({ length: 15 }, (_, i) => client.fetch(`${fake.url}/slow/${i}`)),
    );
    expect(all.every((r) => r.kind === "ok")).toBe(true);
    expect(fake.maxInFlight).toBeLessThanOrEqual(3);
    expect(client.limiter.peak.get(fake.url)).toBe(3);
  });

  it("a 429-ing server slows only its own lookups, never another server's", async () => {
    const { fake: busy, client } = await setup({ maxRetries: 1, maxRetryWaitMs: 5000 });
    const quick = await startFakeRdapServer();
    try {
      busy.route("/q/*", { status: 429, headers: { "retry-after": "1" }, body: "" });
      quick.route("/q/*", { body: { ok: 1 } });
      const finished: string[] = [];
      const ask = (server: FakeRdapServer, name: string, i: number) =>
        client.fetch(`${server.url}/q/${i}`).then((r) => {
          finished.push(name);
          return r;
        });
      const results = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => ask(busy, "busy", i)),
        ...Array.from({ length: 8 }, (_, i) => ask(quick, "quick", i)),
      ]);
      // Every quick lookup is done while the busy server's are still waiting out Retry-After.
      expect(finished.slice(0, 8)).toEqual(Array(8).fill("quick"));
      expect(results.slice(4).every((r) => r.kind === "ok")).toBe(true);
      expect(results.slice(0, 4).every((r) => r.kind === "error")).toBe(true);
    } finally {
      await quick.close();
    }
  });

  it("a refused connection is CONNECTION_REFUSED, not a crash", async () => {
    const { client } = await setup();
    const res = await client.fetch("http://127.0.0.1:9/x");
    expect(res.kind === "error" && res.error.code).toBe("CONNECTION_REFUSED");
  });
});
