import { afterEach, describe, expect, it } from "vitest";
import { cacheTtl } from "../src/clients/dns/cache.js";
import { createResolver } from "../src/clients/dns/resolver.js";
import type { Resolver } from "../src/clients/dns/types.js";
import { type FakeDns, type FakeDnsOptions, startFakeDns } from "./helpers/fake-dns-server.js";

const RECORDS = {
  "example.org": {
    SOA: [{ mname: "ns1.example.org", rname: "h.example.org", serial: 1, minimum: 30 }],
    A: ["192.0.2.1"],
  },
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(
  options: FakeDnsOptions = {},
  clock = { t: 1_000_000 },
): Promise<{ fake: FakeDns; r: Resolver; clock: { t: number } }> {
  const fake = await startFakeDns({ records: RECORDS, ttl: 120, ...options });
  const r = createResolver({
    servers: [{ host: fake.address, port: fake.port }],
    doh: null,
    timeoutMs: 200,
    resolvConf: null,
    attempts: 1,
    now: () => clock.t,
  });
  cleanup.push(
    () => fake.close(),
    () => r.close(),
  );
  return { fake, r, clock };
}

describe("resolver cache", () => {
  it("serves a second lookup from the cache until the TTL runs out", async () => {
    const { fake, r, clock } = await setup();
    await r.query("example.org", "A");
    const again = await r.query("EXAMPLE.org.", "A");
    expect(again.answers[0]?.data).toBe("192.0.2.1");
    expect(fake.queries.length).toBe(1);
    clock.t += 121_000;
    await r.query("example.org", "A");
    expect(fake.queries.length).toBe(2);
  });

  it("caches NXDOMAIN for the SOA's negative TTL, capped", async () => {
    const { fake, r, clock } = await setup();
    expect((await r.query("gone.example.org", "A")).status).toBe("NXDOMAIN");
    expect((await r.query("gone.example.org", "A")).status).toBe("NXDOMAIN");
    expect(fake.queries.length).toBe(1);
    clock.t += 31_000; // SOA minimum 30 s < record TTL 120 s
    await r.query("gone.example.org", "A");
    expect(fake.queries.length).toBe(2);
  });

  it("does not cache TIMEOUT or SERVFAIL", async () => {
    const silent = await setup({ drop: true });
    await silent.r.query("example.org", "A");
    await silent.r.query("example.org", "A");
    expect(silent.fake.queries.length).toBe(2);
    const failing = await setup({ rcode: "SERVFAIL" });
    await failing.r.query("example.org", "A");
    await failing.r.query("example.org", "A");
    expect(failing.fake.queries.length).toBe(2);
  });

  it("shares one in-flight lookup between identical questions", async () => {
    const { fake, r } = await setup({ latencyMs: 30 });
    const answers = await Promise.all([
      r.query("example.org", "A"),
      r.query("example.org", "A"),
      r.query("Example.Org", "A"),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["NOERROR", "NOERROR", "NOERROR"]);
    expect(fake.queries.length).toBe(1);
  });

  it("ends only the aborted caller's wait, not the shared lookup", async () => {
    const { fake, r } = await setup({ latencyMs: 50 });
    const ac = new AbortController();
    const first = r.query("example.org", "A", { signal: ac.signal });
    const second = r.query("example.org", "A");
    ac.abort();
    expect((await first).status).toBe("TIMEOUT");
    expect((await second).status).toBe("NOERROR");
    expect(fake.queries.length).toBe(1);
  });

  it("close() ends pending lookups and later queries answer at once", async () => {
    const { r } = await setup({ drop: true });
    const pending = r.query("example.org", "A");
    await r.close();
    expect((await pending).status).toBe("TIMEOUT");
    const after = await r.query("example.org", "A");
    expect(after.message).toBe("resolver closed");
  });

  it("cacheTtl keeps positive answers for their smallest TTL and never failures", () => {
    const base = {
      name: "x",
      type: "A" as const,
      authority: [],
      server: null,
      message: null,
      durationMs: 0,
    };
    const rec = (ttl: number) => ({ name: "x", ttl, type: "A" as const, data: "192.0.2.1" });
    expect(cacheTtl({ ...base, status: "NOERROR", answers: [rec(300), rec(20)] })).toBe(20);
    expect(cacheTtl({ ...base, status: "TIMEOUT", answers: [] })).toBe(0);
    expect(cacheTtl({ ...base, status: "NODATA", answers: [] })).toBe(60);
  });
});
