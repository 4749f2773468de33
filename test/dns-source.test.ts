import { afterEach, describe, expect, it } from "vitest";
import { type Context, createContext } from "../src/scan/context.js";
import { defaultOptions } from "../src/scan/options.js";
import type { Target } from "../src/scan/targets/types.js";
import { dnsSource } from "../src/sources/dns.js";
import { type FakeDns, type FakeDnsOptions, startFakeDns } from "./helpers/fake-dns-server.js";
import { CLOSED_RDAP_BOOTSTRAP, CLOSED_WHOIS } from "./helpers/offline-world.js";

const SOA = {
  mname: "ns1.example.org",
  rname: "hostmaster.example.org",
  serial: 2026,
  minimum: 60,
};
const RECORDS = {
  "example.org": {
    SOA: [SOA],
    NS: ["ns2.example.org", "ns1.example.org"],
    MX: [
      { preference: 20, exchange: "mx2.example.org" },
      { preference: 10, exchange: "mx1.example.org" },
    ],
    TXT: [["v=spf1 include:_spf.example.net", " ~all"], "google-site-verification=abc"],
    CAA: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }],
    A: ["192.0.2.1"],
  },
  "www.example.org": { CNAME: ["www.example.org.cdn.example.net"] },
  "www.example.org.cdn.example.net": { CNAME: ["edge.cdn.example.net"] },
  "edge.cdn.example.net": { A: ["192.0.2.10", "192.0.2.11"], AAAA: ["2001:db8::10"] },
  "sub.shop.example.org": { A: ["192.0.2.20"] },
  "shop.example.org": { NS: ["ns.shopzone.example"] },
  "loop.example.org": { CNAME: ["loop2.example.org"] },
  "loop2.example.org": { CNAME: ["loop.example.org"] },
  "dangling.example.org": { CNAME: ["gone.example.net"] },
};

function target(host: string, domain = "example.org"): Target {
  return { input: host, host, domain, url: null };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(options: FakeDnsOptions = {}): Promise<{ ctx: Context; fake: FakeDns }> {
  const fake = await startFakeDns({ records: RECORDS, ...options });
  const ctx = createContext(
    defaultOptions({
      resolvers: [{ host: fake.address, port: fake.port }],
      timeoutMs: 250,
      rdapBootstrap: CLOSED_RDAP_BOOTSTRAP,
      whoisServer: CLOSED_WHOIS,
    }),
  );
  cleanup.push(
    () => fake.close(),
    () => ctx.close(),
  );
  return { ctx, fake };
}

const signal = new AbortController().signal;

describe("dns source", () => {
  it("fills the dns section: chain, addresses, zone NS, MX, TXT, SOA, CAA", async () => {
    const { ctx } = await setup();
    const out = await dnsSource.gather(ctx, {
      target: target("www.example.org"),
      dns: null,
      signal,
    });
    expect(out.status).toBe("ok");
    expect(out.errors).toEqual([]);
    const v = out.value!;
    expect(v.section).toEqual({
      a: ["192.0.2.10", "192.0.2.11"],
      aaaa: ["2001:db8::10"],
      cname: ["www.example.org.cdn.example.net", "edge.cdn.example.net"],
      ns: ["ns1.example.org", "ns2.example.org"],
      mx: [
        { preference: 10, exchange: "mx1.example.org" },
        { preference: 20, exchange: "mx2.example.org" },
      ],
      // Sorted: a server lists TXT strings in any order.
      txt: ["google-site-verification=abc", "v=spf1 include:_spf.example.net ~all"],
      soa: expect.objectContaining({ mname: "ns1.example.org", serial: 2026 }),
      caa: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }],
    });
    expect(v.zone).toBe("example.org");
    expect(v.cnameChain[0]).toEqual({
      from: "www.example.org",
      to: "www.example.org.cdn.example.net",
    });
    // Each family's walk is kept: a chain speaks only for the addresses it led to.
    expect(v.chains?.a[0]?.to).toBe("www.example.org.cdn.example.net");
    expect(v.answers["MX example.org"]?.status).toBe("NOERROR");
  });

  it("walks up to the zone cut below the registrable domain", async () => {
    const { ctx } = await setup();
    const out = await dnsSource.gather(ctx, {
      target: target("sub.shop.example.org"),
      dns: null,
      signal,
    });
    expect(out.value?.zone).toBe("shop.example.org");
    expect(out.value?.section.ns).toEqual(["ns.shopzone.example"]);
  });

  it("reports a CNAME loop as CNAME_LOOP once", async () => {
    const { ctx } = await setup();
    const out = await dnsSource.gather(ctx, {
      target: target("loop.example.org"),
      dns: null,
      signal,
    });
    expect(out.errors.map((e) => e.code)).toEqual(["CNAME_LOOP"]);
    expect(out.errors[0]?.message).toMatch(/^loop\.example\.org A: CNAME loop/);
    expect(out.value?.section.a).toEqual([]);
  });

  it("is empty with a single NXDOMAIN error for a missing host", async () => {
    const { ctx } = await setup();
    const out = await dnsSource.gather(ctx, {
      target: target("nothing.example.com", "nothing.example.com"),
      dns: null,
      signal,
    });
    expect(out.status).toBe("empty");
    expect(out.errors).toEqual([
      { source: "dns", code: "NXDOMAIN", message: "nothing.example.com A: no such name" },
    ]);
  });

  it("reports a dangling CNAME as NXDOMAIN of its target, and the chain", async () => {
    const { ctx } = await setup();
    const out = await dnsSource.gather(ctx, {
      target: target("dangling.example.org"),
      dns: null,
      signal,
    });
    expect(out.status).toBe("ok");
    expect(out.value?.section.cname).toEqual(["gone.example.net"]);
    expect(out.errors.map((e) => e.message)).toEqual([
      "gone.example.net A: no such name (CNAME target of dangling.example.org)",
    ]);
  });

  it("is an error with TIMEOUT entries when the server never answers", async () => {
    const { ctx } = await setup({ drop: true });
    const out = await dnsSource.gather(ctx, { target: target("example.org"), dns: null, signal });
    expect(out.status).toBe("error");
    expect(new Set(out.errors.map((e) => e.code))).toEqual(new Set(["TIMEOUT"]));
    expect(out.errors.map((e) => e.message.split(":")[0])).toContain("example.org MX");
  });

  it("treats NODATA as no records, not an error", async () => {
    const { ctx } = await setup();
    const out = await dnsSource.gather(ctx, {
      target: target("sub.shop.example.org"),
      dns: null,
      signal,
    });
    expect(out.value?.section.aaaa).toEqual([]);
    expect(out.errors).toEqual([]);
  });
});
