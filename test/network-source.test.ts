import { afterEach, describe, expect, it } from "vitest";
import { originName, parseAsName, parseOrigin, ptrName } from "../src/clients/asn/cymru.js";
import type {
  DnsAnswer,
  DnsRecord,
  DnsStatus,
  RecordType,
  Resolver,
} from "../src/clients/dns/types.js";
import { type Context, createContext } from "../src/scan/context.js";
import { defaultOptions } from "../src/scan/options.js";
import { type DnsEvidence, emptyDnsSection } from "../src/sources/evidence.js";
import { networkSource } from "../src/sources/network.js";
import { type FakeRdapServer, startFakeRdapServer } from "./helpers/fake-rdap-server.js";
import { CLOSED_WHOIS } from "./helpers/offline-world.js";

/** A Resolver answering from a table "name TYPE" → strings (or a status); counts questions. */
function fakeResolver(table: Record<string, string[] | DnsStatus>) {
  const asked: string[] = [];
  const resolver: Resolver = {
    async query(name: string, type: RecordType): Promise<DnsAnswer> {
      const key = `${name} ${type}`;
      asked.push(key);
      const hit = table[key];
      const status: DnsStatus =
        hit === undefined ? "NXDOMAIN" : typeof hit === "string" ? hit : "NOERROR";
      const answers = (Array.isArray(hit) ? hit : []).map(
        (data) => ({ name, ttl: 60, type, data }) as DnsRecord,
      );
      return {
        name,
        type,
        status,
        answers,
        authority: [],
        server: "fake",
        message: null,
        durationMs: 0,
      };
    },
    close: async () => {},
  };
  return { resolver, asked };
}

const CYMRU: Record<string, string[] | DnsStatus> = {
  "1.1.16.104.origin.asn.cymru.com TXT": ["13335 | 104.16.0.0/13 | US | arin | 2014-03-28"],
  "2.2.16.104.origin.asn.cymru.com TXT": ["13335 | 104.16.0.0/13 | US | arin | 2014-03-28"],
  "140.1.101.151.origin.asn.cymru.com TXT": ["54113 | 151.101.0.0/22 | US | ripencc | 2016-02-01"],
  "1.1.1.1.origin.asn.cymru.com TXT": ["13335 | 1.1.1.0/24 | AU | apnic | 2011-08-11"],
  "as13335.asn.cymru.com TXT": ["13335 | US | arin | 2010-07-14 | CLOUDFLARENET, US"],
  "as54113.asn.cymru.com TXT": ["54113 | US | arin | 2011-12-23 | FASTLY, US"],
  "1.1.16.104.in-addr.arpa PTR": ["one.example.net"],
  "ns1.dns.example A": ["104.16.2.2"],
  "mx.mail.example A": ["1.1.1.1"],
};

let fake: FakeRdapServer | null = null;
let ctx: Context | null = null;
afterEach(async () => {
  await ctx?.close();
  await fake?.close();
});

async function setup(table: Record<string, string[] | DnsStatus> = CYMRU) {
  fake = await startFakeRdapServer();
  const dns = fakeResolver(table);
  const options = defaultOptions({
    rdapBootstrap: fake.bootstrapUrl,
    whoisServer: CLOSED_WHOIS,
    timeoutMs: 2000,
  });
  ctx = createContext(options, { resolver: dns.resolver });
  return { fake, ctx, asked: dns.asked };
}

function dnsEvidence(section: Partial<DnsEvidence["section"]>): DnsEvidence {
  return {
    section: { ...emptyDnsSection(), ...section },
    zone: null,
    cnameChain: [],
    chains: { a: [], aaaa: [] },
    answers: {},
  };
}

async function gather(
  c: Context,
  section: Partial<DnsEvidence["section"]>,
  domain = "site.example",
) {
  const target = { input: domain, host: domain, domain, url: null };
  return networkSource.gather(c, {
    target,
    dns: dnsEvidence(section),
    signal: new AbortController().signal,
  });
}

describe("Team Cymru DNS interface", () => {
  it("builds origin and PTR questions and parses the answers", () => {
    expect(originName("104.16.1.1")).toBe("1.1.16.104.origin.asn.cymru.com");
    expect(originName("2001:db8::1")).toBe(
      "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.origin6.asn.cymru.com",
    );
    expect(ptrName("192.0.2.1")).toBe("1.2.0.192.in-addr.arpa");
    expect(
      parseOrigin([
        "701 1239 | 216.90.0.0/16 | US | arin | 1998",
        "23028 | 216.90.108.0/24 | US | arin | 1998",
      ]),
    ).toEqual({
      asn: 23028,
      prefix: "216.90.108.0/24",
      country: "US",
      registry: "arin",
    });
    expect(parseAsName(["15169 | US | arin | 2007-03-13 | GOOGLE - Google Inc., US"])).toBe(
      "GOOGLE - Google Inc.",
    );
    expect(parseOrigin(["garbage"])).toBeNull();
  });
});

describe("network source", () => {
  it("every address gets its network, ASN, AS name and the RIR's abuse contact", async () => {
    const { ctx } = await setup();
    const out = await gather(ctx, { a: ["104.16.1.1", "151.101.1.140", "1.1.1.1"] });
    expect(out.status).toBe("ok");
    expect(out.errors).toEqual([]);
    const [cf, fastly, apnic] = out.value?.site ?? [];
    expect(cf).toEqual({
      ip: "104.16.1.1",
      asn: 13335,
      asName: "CLOUDFLARENET",
      prefix: "104.16.0.0/13",
      country: "US",
      registry: "arin",
      org: "Cloudflare, Inc.",
      ptr: "one.example.net",
      abuse: { email: "abuse@cloudflare.com", phone: "+1-650-319-8930", url: null },
      handle: "NET-104-16-0-0-1",
      netName: "CLOUDFLARENET",
    });
    // The bootstrap sends 151.101/16 to RIPE, which redirects to ARIN (ERX transfer).
    expect(fastly).toMatchObject({
      asn: 54113,
      asName: "FASTLY",
      org: "Fastly, Inc.",
      abuse: { email: "abuse@fastly.com" },
    });
    expect(apnic).toMatchObject({
      org: "APNIC Research and Development",
      abuse: { email: "abuse@apnic.net" },
    });
  });

  it("a batch asks about each network and each ASN once", async () => {
    const table: Record<string, string[] | DnsStatus> = { ...CYMRU };
    const ips = Array.from({ length: 40 }, (_, i) => `104.17.${i}.${i + 1}`);
    for (const ip of ips) {
      const rev = ip.split(".").reverse().join(".");
      table[`${rev}.origin.asn.cymru.com TXT`] = ["13335 | 104.16.0.0/13 | US | arin | 2014-03-28"];
    }
    const { ctx, fake, asked } = await setup(table);
    const results = await Promise.all(
      ips.map((ip, i) => gather(ctx, { a: [ip] }, `d${i}.example`)),
    );
    expect(results.every((r) => r.value?.site[0]?.abuse?.email === "abuse@cloudflare.com")).toBe(
      true,
    );
    expect(fake.count("/arin/registry/ip/")).toBe(1);
    expect(asked.filter((q) => q === "as13335.asn.cymru.com TXT")).toHaveLength(1);
    // A later address inside the known registration range needs no RDAP question at all.
    await gather(ctx, { a: ["104.16.1.1"] });
    expect(fake.count("/arin/registry/ip/")).toBe(1);
  });

  it("Team Cymru failing: ASN from RDAP's origin AS, AS name from RDAP autnum; the error is kept", async () => {
    const { ctx, fake } = await setup({ "1.1.16.104.origin.asn.cymru.com TXT": "TIMEOUT" });
    const out = await gather(ctx, { a: ["104.16.1.1"] });
    expect(out.value?.site[0]).toMatchObject({
      asn: 13335,
      asName: "CLOUDFLARENET",
      prefix: "104.16.0.0/12",
    });
    expect(out.errors.map((e) => [e.source, e.code])).toEqual([["asn", "TIMEOUT"]]);
    expect(fake.count("/arin/registry/autnum/13335")).toBe(1);
  });

  it("a registration spanning several CIDRs: every one listed, the prefix the one holding the address", async () => {
    // AFRINIC's 196.11.239.0 - 196.11.246.255 is four CIDRs; Team Cymru has no answer here.
    const { ctx } = await setup({ "1.240.11.196.origin.asn.cymru.com TXT": "NXDOMAIN" });
    const out = await gather(ctx, { a: ["196.11.240.1"] });
    expect(out.value?.site[0]).toMatchObject({
      prefix: "196.11.240.0/22",
      cidrs: ["196.11.239.0/24", "196.11.240.0/22", "196.11.244.0/23", "196.11.246.0/24"],
    });
  });

  it("nameserver and mail exchanger networks are looked up too", async () => {
    const { ctx } = await setup();
    const out = await gather(ctx, {
      ns: ["ns1.dns.example"],
      mx: [{ preference: 10, exchange: "mx.mail.example" }],
    });
    expect(out.value?.site).toEqual([]);
    expect(out.value?.nameservers[0]?.org).toBe("Cloudflare, Inc.");
    expect(out.value?.mail[0]?.registry).toBe("apnic");
    // Each address says which host it belongs to (the mail detector judges the preferred MX).
    expect(out.value?.nameservers[0]?.host).toBe("ns1.dns.example");
    expect(out.value?.mail[0]?.host).toBe("mx.mail.example");
  });

  it("an RDAP server that fails gives an error entry and still the Cymru facts", async () => {
    const { ctx, fake } = await setup();
    fake.route("/apnic/ip/1.1.1.*", {
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<html>oops</html>",
    });
    const out = await gather(ctx, { a: ["1.1.1.1"] });
    expect(out.value?.site[0]).toMatchObject({
      asn: 13335,
      asName: "CLOUDFLARENET",
      abuse: null,
      org: null,
    });
    expect(out.errors.map((e) => [e.source, e.code])).toEqual([["rdap", "BAD_RESPONSE"]]);
  });
});

describe("network directory memory", () => {
  it("does not serve one target's failure to later targets: a failed origin lookup is asked again", async () => {
    const table: Record<string, string[] | DnsStatus> = { ...CYMRU };
    table["1.1.16.104.origin.asn.cymru.com TXT"] = "TIMEOUT";
    const { ctx, asked } = await setup(table);
    const first = await ctx.networks.lookup("104.16.1.1");
    expect(first.entry.asn).toBe(13335); // from RDAP's origin ASN, Cymru having timed out
    expect(first.errors.map((e) => e.code)).toContain("TIMEOUT");
    table["1.1.16.104.origin.asn.cymru.com TXT"] = CYMRU[
      "1.1.16.104.origin.asn.cymru.com TXT"
    ] as string[];
    const second = await ctx.networks.lookup("104.16.1.1");
    expect(second.entry.prefix).toBe("104.16.0.0/13");
    expect(second.errors).toEqual([]);
    expect(asked.filter((q) => q === "1.1.16.104.origin.asn.cymru.com TXT")).toHaveLength(2);
  });
});
