import { afterEach, describe, expect, it } from "vitest";
import { createResolver } from "../src/clients/dns/resolver.js";
import type { Resolver } from "../src/clients/dns/types.js";
import { type FakeDns, type FakeDnsOptions, startFakeDns } from "./helpers/fake-dns-server.js";

const SOA = { mname: "ns1.example.org", rname: "hostmaster.example.org", serial: 7, minimum: 60 };
const RECORDS = {
  "example.org": {
    SOA: [SOA],
    NS: ["ns1.example.org", "ns2.example.org"],
    MX: [{ preference: 10, exchange: "mx.example.org" }],
    TXT: [["v=spf1 ", "-all"]],
    CAA: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }],
  },
  "www.example.org": { CNAME: ["edge.cdn.example.net"] },
  "edge.cdn.example.net": { CNAME: ["pop.cdn.example.net"] },
  "pop.cdn.example.net": { A: ["192.0.2.10"], AAAA: ["2001:db8::10"] },
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function fake(options: FakeDnsOptions = {}): Promise<FakeDns> {
  const f = await startFakeDns({ records: RECORDS, ...options });
  cleanup.push(() => f.close());
  return f;
}

function resolverFor(
  servers: FakeDns[],
  extra: { timeoutMs?: number; attempts?: number } = {},
): Resolver {
  const r = createResolver({
    servers: servers.map((s) => ({ host: s.address, port: s.port })),
    doh: null,
    timeoutMs: extra.timeoutMs ?? 300,
    resolvConf: null,
    attempts: extra.attempts ?? 1,
  });
  cleanup.push(() => r.close());
  return r;
}

describe("resolver over UDP", () => {
  it("answers NOERROR with the CNAME chain before the A record", async () => {
    const r = resolverFor([await fake()]);
    const a = await r.query("WWW.Example.org.", "A");
    expect(a.status).toBe("NOERROR");
    expect(a.name).toBe("www.example.org");
    expect(a.answers.map((x) => [x.type, x.name, x.data])).toEqual([
      ["CNAME", "www.example.org", "edge.cdn.example.net"],
      ["CNAME", "edge.cdn.example.net", "pop.cdn.example.net"],
      ["A", "pop.cdn.example.net", "192.0.2.10"],
    ]);
    const aaaa = await r.query("pop.cdn.example.net", "AAAA");
    expect(aaaa.answers[0]?.data).toBe("2001:db8::10");
  });

  it("decodes MX, TXT (chunks joined), SOA and CAA", async () => {
    const r = resolverFor([await fake()]);
    expect((await r.query("example.org", "MX")).answers[0]?.data).toEqual({
      preference: 10,
      exchange: "mx.example.org",
    });
    expect((await r.query("example.org", "TXT")).answers[0]?.data).toBe("v=spf1 -all");
    expect((await r.query("example.org", "SOA")).answers[0]?.data).toMatchObject({
      mname: "ns1.example.org",
      serial: 7,
    });
    expect((await r.query("example.org", "CAA")).answers[0]?.data).toEqual({
      flags: 0,
      tag: "issue",
      value: "letsencrypt.org",
    });
  });

  it("tells NODATA from NXDOMAIN", async () => {
    const r = resolverFor([await fake()]);
    const nodata = await r.query("pop.cdn.example.net", "MX");
    expect(nodata.status).toBe("NODATA");
    const nx = await r.query("missing.example.org", "A");
    expect(nx.status).toBe("NXDOMAIN");
    expect(nx.authority[0]?.type).toBe("SOA");
  });

  it("reports SERVFAIL and REFUSED as statuses with a message", async () => {
    const sf = resolverFor([await fake({ rcode: "SERVFAIL" })]);
    const a = await sf.query("example.org", "A");
    expect(a.status).toBe("SERVFAIL");
    expect(a.message).toMatch(/SERVFAIL/);
    const rf = resolverFor([await fake({ rcode: "REFUSED" })]);
    expect((await rf.query("example.org", "A")).status).toBe("REFUSED");
  });

  it("times out with TIMEOUT, not NXDOMAIN, when no server answers", async () => {
    const r = resolverFor([await fake({ drop: true })], { timeoutMs: 150 });
    const a = await r.query("example.org", "NS");
    expect(a.status).toBe("TIMEOUT");
    expect(a.message).toMatch(/no answer/);
  });

  it("moves to the second server when the first does not answer", async () => {
    const silent = await fake({ drop: true });
    const good = await fake();
    const r = resolverFor([silent, good], { timeoutMs: 200 });
    const a = await r.query("example.org", "NS");
    expect(a.status).toBe("NOERROR");
    expect(a.server).toBe(good.server);
    expect(silent.queries.length).toBe(1);
  });

  it("retries over TCP when the UDP reply has TC set", async () => {
    const f = await fake({ truncate: true });
    const r = resolverFor([f]);
    const a = await r.query("example.org", "NS");
    expect(a.status).toBe("NOERROR");
    expect(a.answers.map((x) => x.data)).toEqual(["ns1.example.org", "ns2.example.org"]);
    expect(f.queries.map((q) => q.transport)).toEqual(["udp", "tcp"]);
  });

  it("drops EDNS and asks again when a server answers FORMERR to the OPT record", async () => {
    const f = await fake({
      handler: (query) => (query.additionals?.length ? { rcode: "FORMERR" } : undefined),
    });
    const r = resolverFor([f]);
    const a = await r.query("example.org", "NS");
    expect(a.status).toBe("NOERROR");
    expect(f.queries.length).toBe(2);
  });

  it("keeps only answer records on the question's chain", async () => {
    const f = await fake({
      handler: (query) => ({
        answers: [
          { name: "bank.example", type: "A", ttl: 60, data: "6.6.6.6" },
          { name: query.questions![0]!.name, type: "A", ttl: 60, data: "192.0.2.9" },
        ],
      }),
    });
    const a = await resolverFor([f]).query("shop.example", "A");
    expect(a.answers.map((x) => [x.name, x.data])).toEqual([["shop.example", "192.0.2.9"]]);
  });
});
