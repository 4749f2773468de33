import { describe, expect, it } from "vitest";
import {
  CATALOGUE,
  catalogueAbuse,
  matchCookies,
  matchHeaders,
  providerByAddress,
  providerByAsn,
  providerByIssuer,
  providerByName,
} from "../src/catalogue/index.js";
import { validateCatalogue } from "../src/catalogue/validate.js";

/**
 * Entries reviewed and still without an abuse channel: no public page stating one was found
 * (issue 5, "Where to report"). A new entry without abuse fails the test below unless it is
 * added here on purpose; filling one in means removing it from this list.
 */
const WITHOUT_ABUSE = [
  "stackpath",
  "gcore",
  "cdn77",
  "keycdn",
  "edgio",
  "f5-distributed-cloud",
  "alibaba-cloud",
  "oracle-cloud",
  "tencent-cloud",
  "heroku",
  "fly-io",
  "render",
  "wp-engine",
  "kinsta",
  "cloudways",
  "ns1",
  "dnsimple",
  "dns-made-easy",
  "ultradns",
  "zoho-mail",
  "mail-ru",
  "mimecast",
  "proofpoint",
  "barracuda",
  "broadcom-messagelabs",
  "postmark",
  "squarespace",
  "ghost-pro",
  "webflow",
  "weebly",
  "microsoft-pki",
];

describe("provider catalogue", () => {
  it("holds at least 60 providers across every kind", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(60);
    for (const kind of ["cdn", "hosting", "dns", "email", "sender", "platform", "ca"]) {
      expect(CATALOGUE.some((e) => e.kinds.includes(kind as never))).toBe(true);
    }
  });

  it("is sound: unique ids and ASNs, valid patterns, a source on every fact, no shadowing", () => {
    expect(validateCatalogue(CATALOGUE)).toEqual([]);
  });

  it("gives every entry an abuse channel (its own, its company network's or its owner's), except the reviewed allow-list", () => {
    const parentHas = (id?: string) => !!CATALOGUE.find((p) => p.id === id)?.abuse;
    const missing = CATALOGUE.filter(
      (e) => e.abuse === null && !parentHas(e.network) && !parentHas(e.owner?.id),
    ).map((e) => e.id);
    expect(missing.sort()).toEqual([...WITHOUT_ABUSE].sort());
  });

  it("refuses a wildcard in the label anyone can register", () => {
    const entry = (value: string) => ({
      id: "a",
      name: "A",
      kinds: ["dns" as const],
      website: "https://a",
      abuse: null,
      signals: [{ type: "ns" as const, values: [value], source: "https://a" }],
    });
    expect(validateCatalogue([entry("awsdns-*.com")])).toEqual([
      "a: ns pattern awsdns-*.com lets anyone register a match",
    ]);
    expect(validateCatalogue([entry("ns-*.co.uk")])).toEqual([
      "a: ns pattern ns-*.co.uk lets anyone register a match",
    ]);
    expect(validateCatalogue([entry("awsdns-##.com")])).toEqual([]);
    expect(validateCatalogue([entry("inbound-smtp.*.amazonaws.com")])).toEqual([]);
  });

  it("reports a pattern that shadows another provider's", () => {
    const problems = validateCatalogue([
      {
        id: "a",
        name: "A",
        kinds: ["dns"],
        website: "https://a",
        abuse: null,
        signals: [{ type: "ns", values: ["example.net"], source: "https://a" }],
      },
      {
        id: "b",
        name: "B",
        kinds: ["dns"],
        website: "https://b",
        abuse: null,
        signals: [{ type: "ns", values: ["ns.example.net"], source: "https://b" }],
      },
    ]);
    expect(problems).toEqual(["ns pattern example.net (a) shadows ns.example.net (b)"]);
  });

  it("reports duplicate ids, missing sources, bad prefixes and regexes", () => {
    const problems = validateCatalogue([
      {
        id: "a",
        name: "A",
        kinds: ["cdn"],
        website: "https://a",
        abuse: null,
        signals: [{ type: "prefix", values: ["300.1.1.0/24"], source: "https://a" }],
      },
      {
        id: "a",
        name: "A2",
        kinds: ["cdn"],
        website: "https://a",
        abuse: null,
        signals: [{ type: "header", values: [{ name: "x", pattern: "(" }], source: "" }],
      },
      {
        id: "b",
        name: "B",
        kinds: ["cdn"],
        website: "https://b",
        abuse: { email: "abuse at b", url: "www.b/abuse", source: "https://b/abuse" },
        signals: [{ type: "asn", values: [64496], source: "https://b" }],
      },
    ]);
    expect(problems).toContain("duplicate id a");
    expect(problems).toContain("a: bad prefix 300.1.1.0/24");
    expect(problems).toContain("a: bad regex (");
    expect(problems).toContain("a: header signal has no source URL");
    expect(problems).toContain("b: abuse url is not a URL");
    expect(problems).toContain("b: abuse email is not an address");
  });
});

describe("catalogue lookups", () => {
  it("finds providers by ASN and by address (longest prefix)", () => {
    expect(providerByAsn(13335)?.id).toBe("cloudflare");
    expect(providerByAsn(24940)?.id).toBe("hetzner");
    expect(providerByAsn(64512)).toBeUndefined();
    expect(providerByAddress("104.21.3.4")).toEqual({
      entry: expect.objectContaining({ id: "cloudflare" }),
      prefix: "104.16.0.0/13",
    });
    expect(providerByAddress("2606:4700::6810:1")?.entry.id).toBe("cloudflare");
    expect(providerByAddress("::ffff:151.101.1.140")?.entry.id).toBe("fastly");
    expect(providerByAddress("76.76.21.21")?.entry.id).toBe("vercel");
    expect(providerByAddress("192.0.2.1")).toBeUndefined();
    expect(providerByAddress("not-an-ip")).toBeUndefined();
  });

  it("matches names on label boundaries, with wildcard labels", () => {
    expect(providerByName("ns", "KYLE.NS.CLOUDFLARE.COM.")?.entry.id).toBe("cloudflare");
    expect(providerByName("ns", "ns-1064.awsdns-05.org")).toEqual({
      entry: expect.objectContaining({ id: "aws-route53" }),
      pattern: "awsdns-##.org",
    });
    // Digits only: a lookalike anyone can register is not Route 53.
    expect(providerByName("ns", "ns-1.awsdns-evil.com")).toBeUndefined();
    expect(providerByName("ns", "ns-1.awsdns-.co.uk")).toBeUndefined();
    expect(providerByName("ns", "ns-1.awsdns-123.com")).toBeUndefined();
    expect(providerByName("ns", "ns.notcloudflare.com")).toBeUndefined();
    expect(providerByName("ns", "evilns.cloudflare.com")).toBeUndefined();
    expect(providerByName("mx", "example-com.mail.protection.outlook.com")?.entry.id).toBe(
      "microsoft-365",
    );
    expect(providerByName("mx", "msn-com.olc.protection.outlook.com")?.entry.id).toBe(
      "outlook-com",
    );
    expect(providerByName("mx", "inbound-smtp.eu-west-1.amazonaws.com")?.entry.id).toBe(
      "amazon-ses",
    );
    expect(providerByName("cname", "www.example.com.cdn.cloudflare.net")?.entry.id).toBe(
      "cloudflare",
    );
  });

  it("matches headers by presence or value, and cookies by name", () => {
    const hits = matchHeaders({
      "cf-ray": "8a95686308cf6a71-PIT",
      server: "cloudflare",
      "x-served-by": "nope",
    });
    expect(hits.map((h) => `${h.entry.id} ${h.header}`).sort()).toEqual([
      "cloudflare cf-ray",
      "cloudflare server",
    ]);
    expect(matchHeaders({ server: "nginx" })).toEqual([]);
    expect(matchCookies(["__ddg1_", "session"]).map((h) => h.entry.id)).toEqual(["ddos-guard"]);
  });

  it("does not match lookalike header values or cookie names", () => {
    const ids = (headers: Record<string, string>) => matchHeaders(headers).map((h) => h.entry.id);
    // Fastly's cache node names, not any Varnish's.
    expect(ids({ "x-served-by": "cache-sjc1000133-SJC" })).toEqual(["fastly"]);
    expect(ids({ "x-served-by": "cache-iad-kiad7000067-IAD, cache-sjc10043-SJC" })).toEqual([
      "fastly",
    ]);
    expect(ids({ "x-served-by": "cache-proxy-web01" })).toEqual([]);
    // Fastly's POP codes are upper case; a lower-case "-dal" is somebody's own naming.
    expect(ids({ "x-served-by": "cache-web01-dal" })).toEqual([]);
    expect(ids({ via: "1.1 vegur" })).toEqual(["heroku"]);
    expect(ids({ via: "1.1 notvegur" })).toEqual([]);
    expect(ids({ "x-powered-by": "WordPress VIP <https://wpvip.com>" })).toEqual(["wordpress-vip"]);
    expect(ids({ "x-powered-by": "PHP; see wpvip.com" })).toEqual([]);
    expect(ids({ "x-powered-by": "Not WP Engine" })).toEqual([]);
    // Exact cookie names unless the catalogue asks for a prefix.
    const cookies = (names: string[]) => matchCookies(names).map((h) => h.entry.id);
    expect(cookies(["SS_MIDDLE", "_abck_custom", "__ddgXYZ", "bm_sv2"])).toEqual([]);
    expect(cookies(["_shopify_y", "incap_ses_123_456"])).toEqual(["shopify", "imperva"]);
    expect(cookies(["__ddgid_", "__ddgmark_", "__ddg1_"])).toEqual([
      "ddos-guard",
      "ddos-guard",
      "ddos-guard",
    ]);
  });

  it("knows CA issuer organisations and their problem-report channel", () => {
    const le = providerByIssuer("Let\u2019s Encrypt");
    expect(le?.id).toBe("lets-encrypt");
    expect(le && catalogueAbuse(le)).toEqual({
      email: "cert-prob-reports@letsencrypt.org",
      url: null,
      phone: null,
    });
    expect(providerByIssuer("google trust services")?.name).toBe("Google Trust Services");
  });
});
