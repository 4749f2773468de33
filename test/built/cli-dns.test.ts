import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import { CLOSED_WHOIS, type OfflineRdap, startEmptyBootstrap } from "../helpers/offline-world.js";
import { runBin, runMain } from "../helpers/run-cli.js";

let dns: FakeDns;
let rdap: OfflineRdap;

beforeAll(async () => {
  dns = await startFakeDns({
    records: {
      "www.example.org": { CNAME: ["edge.example.org"] },
      "edge.example.org": { A: ["192.0.2.10"], AAAA: ["2001:db8::10"] },
      "example.org": {
        A: ["192.0.2.1"],
        NS: ["ns1.dnshost.example", "ns2.dnshost.example"],
        MX: [{ preference: 10, exchange: "mx.mailhost.example" }],
        TXT: [["v=spf1 include:_spf.mailhost.example ~all"]],
        SOA: [{ mname: "ns1.dnshost.example", rname: "hostmaster.example.org", serial: 42 }],
        CAA: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }],
      },
      "xn--bcher-kva.example.org": { A: ["192.0.2.77"] },
      "loop-a.example.org": { CNAME: ["loop-b.example.org"] },
      "loop-b.example.org": { CNAME: ["loop-a.example.org"] },
    },
  });
  rdap = await startEmptyBootstrap();
});

afterAll(async () => {
  await dns?.close();
  await rdap?.close();
});

const flags = () => [
  "--passive",
  "--no-cache",
  "--resolver",
  dns.server,
  "--rdap-bootstrap",
  rdap.url,
  "--whois-server",
  CLOSED_WHOIS,
  "-t",
  "1000",
];

describe("hostscan over a local DNS server", () => {
  it("fills the dns section from what the server holds", async () => {
    const r = await runMain([...flags(), "--json", "WWW.Example.ORG."]);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({
      schema: "hostscan/profile@1",
      host: "www.example.org",
      domain: "example.org",
    });
    expect(p.dns).toEqual({
      a: ["192.0.2.10"],
      aaaa: ["2001:db8::10"],
      cname: ["edge.example.org"],
      ns: ["ns1.dnshost.example", "ns2.dnshost.example"],
      mx: [{ preference: 10, exchange: "mx.mailhost.example" }],
      txt: ["v=spf1 include:_spf.mailhost.example ~all"],
      soa: expect.objectContaining({
        mname: "ns1.dnshost.example",
        rname: "hostmaster.example.org",
        serial: 42,
      }),
      caa: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }],
    });
    expect(p.http).toBeNull();
    // --passive says so in the profile: the probe was skipped, not unreachable.
    expect(p.sources.http).toMatchObject({ status: "skipped" });
    expect(p.sources.dns).toMatchObject({ status: "ok" });
    expect(r.code).toBe(0);
  });

  it("reports NXDOMAIN as an answer, not a failure", async () => {
    const r = await runMain([...flags(), "--json", "nothing-here.example.org"]);
    const p = JSON.parse(r.stdout);
    expect(p.errors).toContainEqual(expect.objectContaining({ source: "dns", code: "NXDOMAIN" }));
    expect(p.dns.a).toEqual([]);
  });

  it("asks for a Unicode target by its punycode name", async () => {
    const r = await runMain([...flags(), "--json", "Bücher.Example.org"]);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ target: "Bücher.Example.org", host: "xn--bcher-kva.example.org" });
    expect(p.dns.a).toEqual(["192.0.2.77"]);
    expect(dns.queries.map((q) => q.name)).toContain("xn--bcher-kva.example.org");
  });

  it("reports a CNAME loop", async () => {
    const r = await runMain([...flags(), "--json", "loop-a.example.org"]);
    const p = JSON.parse(r.stdout);
    expect(p.errors).toContainEqual(expect.objectContaining({ source: "dns", code: "CNAME_LOOP" }));
  });

  it("runs as the built binary, one NDJSON line per target in input order", async () => {
    const r = await runBin([...flags(), "--ndjson", "-i", "-"], {
      stdin: "example.org\nbad..name\nwww.example.org\nexample.org\n",
    });
    const profiles = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(profiles.map((p) => p.target)).toEqual([
      "example.org",
      "bad..name",
      "www.example.org",
      "example.org",
    ]);
    expect(profiles[0].dns.a).toEqual(["192.0.2.1"]);
    expect(profiles[3].dns).toEqual(profiles[0].dns);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad..name");
  });

  it("keeps stderr silent under -q, even with many lookups in flight", async () => {
    const names = Array.from({ length: 40 }, (_, i) => `n${i}.example.org`).join("\n");
    const r = await runBin([...flags(), "-q", "-c", "40", "--ndjson", "-i", "-"], { stdin: names });
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(40);
    expect(r.stderr).toBe("");
  });

  it("prints the table with providers first", async () => {
    const r = await runBin([...flags(), "example.org"]);
    expect(r.stdout).toMatch(/^example\.org/);
    expect(r.stdout.indexOf("ROLE")).toBeLessThan(r.stdout.indexOf("\nDNS\n"));
    expect(r.stdout).toContain("192.0.2.1");
    expect(r.stdout).toContain("not checked (--passive)");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("exits 1 when the DNS server never answers and nothing else could be learnt", async () => {
    const silent = await startFakeDns({ drop: true, handler: () => "drop" });
    try {
      const r = await runMain([
        ...flags().map((f) => (f === dns.server ? silent.server : f)),
        "--json",
        "-t",
        "200",
        "example.org",
      ]);
      const p = JSON.parse(r.stdout);
      expect(p.errors).toContainEqual(expect.objectContaining({ source: "dns", code: "TIMEOUT" }));
      expect(r.code).toBe(1);
    } finally {
      await silent.close();
    }
  });
});
