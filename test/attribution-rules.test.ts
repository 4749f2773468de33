import { describe, expect, it } from "vitest";
import { type ProviderEntry, providerById } from "../src/catalogue/index.js";
import { detectCdn } from "../src/judge/detectors/cdn.js";
import { detectDns } from "../src/judge/detectors/dns.js";
import { detectEmail, spfIncludes } from "../src/judge/detectors/email.js";
import { detectHosting } from "../src/judge/detectors/hosting.js";
import { registeredTo } from "../src/judge/detectors/ownership.js";
import { detectPlatform } from "../src/judge/detectors/platform.js";
import { detectRegistry } from "../src/judge/detectors/registry.js";
import { reportTo } from "../src/judge/detectors/report-to.js";
import { detectTls } from "../src/judge/detectors/tls.js";
import { detectTechnologies } from "../src/judge/fingerprints/detect.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { cert, dns, http, net, registration, target, tech } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

describe("cdn", () => {
  it("a CDN-hosted script, a stylesheet or a CSP mention is not CDN evidence", () => {
    const e = emptyEvidence(T, {
      dns: dns({ a: ["198.51.100.7"] }),
      network: {
        site: [net("198.51.100.7", 64500, "EXAMPLE-NET", "Example Hosting")],
        nameservers: [],
        mail: [],
      },
      http: http(
        "https://www.example.org/",
        { "content-security-policy": "script-src cdnjs.cloudflare.com *.cloudfront.net" },
        {
          body: '<script src="https://cdnjs.cloudflare.com/x.js"></script>',
        },
      ),
      technologies: [
        tech("Cloudflare", ["CDN"], { thirdParty: true }),
        tech("Amazon CloudFront", ["CDN"], { thirdParty: true }),
      ],
    });
    expect(detectCdn(e)).toBeNull();
    expect(detectPlatform(e)).toBeNull();
  });

  it("headers alone give medium confidence (Akamai edge inside an ISP network)", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("80.157.1.2", 3320, "DTAG", "Deutsche Telekom AG")],
        nameservers: [],
        mail: [],
      },
      http: http("https://www.example.org/", { server: "AkamaiGHost" }),
    });
    expect(detectCdn(e)).toMatchObject({
      name: "Akamai",
      confidence: "medium",
      evidence: ["header server: AkamaiGHost"],
    });
    expect(detectHosting(e)).toMatchObject({
      name: "Deutsche Telekom AG",
      confidence: "medium",
      evidence: ["A 80.157.1.2 in AS3320 (DTAG)", "served through Akamai"],
    });
  });

  it("an address in Cloudflare's AS without HTTP evidence (passive) is medium", () => {
    const e = emptyEvidence(T, {
      passive: true,
      network: {
        site: [net("104.21.3.4", 13335, "CLOUDFLARENET", "Cloudflare, Inc.")],
        nameservers: [],
        mail: [],
      },
    });
    expect(detectCdn(e)).toMatchObject({
      name: "Cloudflare",
      confidence: "medium",
      asn: 13335,
      id: "cloudflare",
    });
  });

  it("Fastly headers on a Wix address do not make Fastly the CDN", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("185.230.63.107", 58182, "WIX_COM", "Wix.com Ltd.")],
        nameservers: [],
        mail: [],
      },
      http: http("https://www.example.org/", {
        "x-served-by": "cache-del21745-DEL",
        via: "1.1 google",
        server: "Pepyaka",
      }),
    });
    expect(detectCdn(e)).toBeNull();
  });

  it("via: 1.1 google alone is low: Google's front end, Cloud CDN not confirmed", () => {
    const variants: Record<string, string>[] = [
      { via: "1.1 google" },
      { via: "1.1 google", age: "120" },
    ];
    for (const headers of variants) {
      const e = emptyEvidence(T, {
        network: {
          site: [net("34.120.1.2", 396982, "GOOGLE-CLOUD-PLATFORM", "Google LLC")],
          nameservers: [],
          mail: [],
        },
        http: http("https://www.example.org/", headers),
      });
      const cdn = detectCdn(e);
      expect(cdn).toMatchObject({ name: "Google Cloud CDN", confidence: "low" });
      expect(cdn?.evidence).toEqual([
        "header via: 1.1 google (Google front end / load balancer; Cloud CDN not confirmed)",
      ]);
      // A CDN known from a hint alone hides nothing: the answering network is the host.
      const hosting = detectHosting(e);
      expect(hosting).toMatchObject({ name: "Google Cloud", confidence: "high" });
      expect(hosting?.note).toBeUndefined();
      expect(hosting?.evidence.join(" ")).not.toMatch(/Cloud CDN/);
    }
  });

  it("Volterra headers name F5 Distributed Cloud Services, never Linode", () => {
    // The address's network is unknown (no ASN or RDAP answer): the headers stand alone.
    const e = emptyEvidence(T, {
      dns: dns({ a: ["198.51.100.7"] }),
      http: http("https://www.example.org/", {
        server: "volt-adc",
        "x-volterra-location": "pa4-par",
      }),
    });
    expect(detectCdn(e)).toMatchObject({
      name: "F5 Distributed Cloud Services",
      confidence: "medium",
      id: "f5-distributed-cloud",
    });
    expect(JSON.stringify([detectCdn(e), detectHosting(e)])).not.toMatch(/linode/i);
    // The load balancer's default Server header alone may come from F5 software on the site's
    // own premises: a hint only.
    const serverOnly = emptyEvidence(T, {
      http: http("https://www.example.org/", { server: "volt-adc" }),
    });
    expect(detectCdn(serverOnly)).toMatchObject({
      name: "F5 Distributed Cloud Services",
      confidence: "low",
    });
  });

  it("a hint adds no channel: via: 1.1 google beside an Akamai edge header leaves medium", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("198.51.100.7", 3320, "DTAG", "Deutsche Telekom AG")],
        nameservers: [],
        mail: [],
      },
      http: http("https://www.example.org/", { via: "1.1 google", server: "AkamaiGHost" }),
    });
    expect(detectCdn(e)).toMatchObject({ name: "Akamai", confidence: "medium" });
  });

  it("other CDNs' headers from a known outside network, or Cloudflare's from outside its ranges, are imitation", () => {
    const from = (headers: Record<string, string>, n: ReturnType<typeof net>) => {
      const h = http("https://www.example.org/", headers);
      h.section.remoteAddress = n.ip;
      return emptyEvidence(T, { network: { site: [n], nameservers: [], mail: [] }, http: h });
    };
    const bp = net("203.0.113.5", 64511, "BP", "Bulletproof Ltd");
    expect(detectCdn(from({ server: "Sucuri/Cloudproxy", "x-sucuri-id": "14020" }, bp))).toBeNull();
    expect(detectCdn(from({ server: "ddos-guard" }, bp))).toBeNull();
    expect(detectCdn(from({ "x-cdn": "Imperva", "x-iinfo": "5-1" }, bp))).toBeNull();
    // The AS lookup failed but the registrant is known: still somebody else's network.
    expect(detectCdn(from({ server: "cloudflare" }, { ...bp, asn: null }))).toBeNull();
    // Nothing known at all: Cloudflare's complete published list still rules it out.
    expect(detectCdn(from({ server: "cloudflare" }, { ...bp, asn: null, org: null }))).toBeNull();
  });

  it("Cloudflare's headers from a server known to be outside its published ranges are imitation", () => {
    const h = http(
      "https://www.example.org/",
      { server: "cloudflare", "cf-ray": "8a1b2c3d4e5f6a7b-FRA" },
      { cookies: { __cf_bm: "x" } },
    );
    h.section.remoteAddress = "203.0.113.5";
    const e = emptyEvidence(T, {
      network: {
        site: [net("203.0.113.5", 64511, "BP", "Bulletproof Ltd", { email: "abuse@bp.example" })],
        nameservers: [],
        mail: [],
      },
      http: h,
    });
    expect(detectCdn(e)).toBeNull();
    const hosting = detectHosting(e);
    expect(hosting).toMatchObject({ name: "Bulletproof Ltd" });
    expect(hosting?.evidence.join("\n")).not.toContain("served through Cloudflare");
  });
});

describe("hosting", () => {
  it("an origin host's headers through the CDN are its claim: the CDN stays the answer", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("104.21.3.4", 13335, "CLOUDFLARENET", "Cloudflare, Inc.")],
        nameservers: [],
        mail: [],
      },
      http: http("https://www.example.org/", {
        server: "cloudflare",
        "cf-ray": "8a95686308cf6a71-CDG",
        via: "1.1 heroku-router",
      }),
    });
    // One header the origin sets freely must not pick which company receives the reports.
    expect(detectHosting(e)).toMatchObject({
      name: "Cloudflare",
      confidence: "medium",
      note: "origin hidden",
      abuse: { email: "abuse@cloudflare.com" },
    });
    expect(detectHosting(e)?.evidence).toContain(
      "header via: 1.1 heroku-router: the origin claims to be at Heroku (unverifiable through Cloudflare)",
    );
  });

  it("falls back to the registry's organisation and RDAP abuse contact for an uncatalogued AS", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [
          net("198.51.100.7", 64500, "EXAMPLE-NET", "Example Hosting Ltd", {
            email: "abuse@example.net",
          }),
        ],
        nameservers: [],
        mail: [],
      },
    });
    expect(detectHosting(e)).toEqual({
      name: "Example Hosting Ltd",
      asn: 64500,
      confidence: "medium",
      evidence: ["A 198.51.100.7 in AS64500 (EXAMPLE-NET)"],
      abuse: { email: "abuse@example.net", url: null, phone: null },
      abuseSource: {
        kind: "network-rdap",
        address: "198.51.100.7",
        holder: "Example Hosting Ltd",
      },
    });
  });

  it("is null without addresses", () => {
    expect(detectHosting(emptyEvidence(T))).toBeNull();
  });
});

describe("a zone that lists a CDN's address beside its own server", () => {
  const split = (remote: string | null) => {
    const h = http("https://www.example.org/", {
      server: "cloudflare",
      "cf-ray": "0123456789abcdef-FRA",
    });
    h.section.remoteAddress = remote;
    return emptyEvidence(T, {
      dns: dns({ a: ["104.16.1.1", "203.0.113.5"] }),
      network: {
        site: [
          net("104.16.1.1", 13335, "CLOUDFLARENET", "Cloudflare, Inc."),
          net("203.0.113.5", 64511, "BP", "Bulletproof Ltd", { email: "abuse@bp.example" }),
        ],
        nameservers: [],
        mail: [],
      },
      http: h,
    });
  };

  it("caps the CDN at medium and names the other address", () => {
    const cdn = detectCdn(split(null));
    expect(cdn).toMatchObject({ name: "Cloudflare", confidence: "medium" });
    expect(cdn?.evidence).toContain("also A 203.0.113.5 in AS64511 (BP), outside Cloudflare");
  });

  it("does not count headers sent from the address outside the CDN", () => {
    const cdn = detectCdn(split("203.0.113.5"));
    expect(cdn).toMatchObject({ name: "Cloudflare", confidence: "medium" });
    expect(cdn?.evidence.join("\n")).not.toContain("cf-ray");
    expect(cdn?.evidence).toContain(
      "the response came from 203.0.113.5, outside Cloudflare: its headers are not counted",
    );
  });

  it("hosting: the network that answered wins a tie, and the other network is named", () => {
    const hosting = detectHosting(split("203.0.113.5"));
    expect(hosting).toMatchObject({
      name: "Bulletproof Ltd",
      confidence: "medium",
      abuse: { email: "abuse@bp.example" },
    });
    expect(hosting?.evidence).toContain(
      "also A 104.16.1.1 in AS13335 (CLOUDFLARENET) registered to Cloudflare, Inc.",
    );
    // Without knowing which answered, the first listed wins, and the rest is still named.
    expect(detectHosting(split(null))?.evidence).toContain(
      "also A 203.0.113.5 in AS64511 (BP) registered to Bulletproof Ltd",
    );
  });
});

describe("second review: what the site's own server says", () => {
  const N = (site: ReturnType<typeof net>[]) => ({ site, nameservers: [], mail: [] });
  const withRemote = (h: ReturnType<typeof http>, remote: string) => {
    h.section.remoteAddress = remote;
    return h;
  };

  it("the address that answered is the host, however many CDN addresses are listed", () => {
    const e = emptyEvidence(T, {
      network: N([
        net("104.16.1.1", 13335, "CLOUDFLARENET", "Cloudflare, Inc."),
        net("104.16.2.2", 13335, "CLOUDFLARENET", "Cloudflare, Inc."),
        net("203.0.113.5", 64511, "BP", "Bulletproof Ltd", { email: "abuse@bp.example" }),
      ]),
      http: withRemote(
        http("https://www.example.org/", {
          server: "cloudflare",
          "cf-ray": "0123456789abcdef-FRA",
        }),
        "203.0.113.5",
      ),
    });
    const p = detectHosting(e);
    expect(p).toMatchObject({ name: "Bulletproof Ltd", abuse: { email: "abuse@bp.example" } });
    expect(p?.note).toBeUndefined();
  });

  it("an Akamai edge inside an ISP, reached by a CNAME into Akamai's zone, is Akamai's", () => {
    const e = emptyEvidence(T, {
      dns: dns({
        cname: ["www.example.org", "www.example.org.edgekey.net", "e1234.a.akamaiedge.net"],
        a: ["80.157.1.2"],
      }),
      network: N([
        net("80.157.1.2", 3320, "DTAG", "Deutsche Telekom AG", { email: "abuse@telekom.de" }),
      ]),
      http: http("https://www.example.org/", { server: "AkamaiGHost" }),
    });
    expect(detectCdn(e)).toMatchObject({ name: "Akamai" });
    expect(detectHosting(e)).toMatchObject({
      name: "Akamai",
      note: "origin hidden",
      abuse: { email: "abuse@akamai.com" },
    });
    expect(detectHosting(e)?.evidence[0]).toBe(
      "A 80.157.1.2 in AS3320 (DTAG): an edge server of Akamai",
    );
  });

  it("an AWS address whose AS lookup failed is still AWS's, not outside CloudFront", () => {
    const h = http("https://www.example.org/", {
      "x-amz-cf-id": "abc==",
      "x-cache": "Hit from cloudfront",
    });
    h.section.remoteAddress = "13.224.1.1";
    const e = emptyEvidence(T, {
      dns: dns({
        cname: ["www.example.org", "d1.cloudfront.net"],
        a: ["13.224.1.1", "18.160.2.2"],
      }),
      network: N([
        { ...net("13.224.1.1", 16509, "AMAZON-02", "Amazon Technologies Inc."), asn: null },
        net("18.160.2.2", 16509, "AMAZON-02", "Amazon.com, Inc."),
      ]),
      http: h,
    });
    expect(detectCdn(e)).toMatchObject({ name: "Amazon CloudFront", confidence: "high" });
    // The name leads into CloudFront's zone, so the address is its edge, whoever the registrant
    // names (registrant names are free text, never matched to a catalogue entry on their own).
    expect(detectHosting(e)).toMatchObject({ name: "Amazon CloudFront", note: "origin hidden" });
  });

  it("each address cites its own listed range", () => {
    const e = emptyEvidence(T, {
      network: N([
        net("185.199.108.153", 54113, "FASTLY", "GitHub, Inc."),
        net("2606:50c0:8000::153", 54113, "FASTLY", "GitHub, Inc."),
      ]),
    });
    expect(detectHosting(e)?.evidence.slice(0, 2)).toEqual([
      "A 185.199.108.153 in AS54113 (FASTLY), in GitHub Pages range 185.199.108.0/22",
      "AAAA 2606:50c0:8000::153 in AS54113 (FASTLY), in GitHub Pages range 2606:50c0::/32",
    ]);
  });

  it("a listed range with only a contradicting side known is not evidence", () => {
    // Squarespace's range in a stranger's AS with no registrant, and with only a registrant.
    const noOrg = emptyEvidence(T, { network: N([net("198.185.159.10", 64512, "EVIL", null)]) });
    expect(detectPlatform(noOrg)).toBeNull();
    const noAs = emptyEvidence(T, {
      network: N([{ ...net("198.185.159.10", 64512, "EVIL", "Evil Hosting"), asn: null }]),
    });
    expect(detectPlatform(noAs)).toBeNull();
  });

  it("a registrant name that merely starts with the provider's is not the provider", () => {
    const e = emptyEvidence(T, {
      network: N([
        net("198.185.159.10", 64512, "EVIL", "Squarespace Fans e.V.", {
          email: "abuse@fans.example",
        }),
      ]),
    });
    expect(detectHosting(e)).toMatchObject({ name: "Squarespace Fans e.V." });
    expect(detectPlatform(e)).toBeNull();
  });
});

describe("after a redirect within the site, the server that answered", () => {
  const apex = target("example.com", "example.com");
  const final = (remote: ReturnType<typeof net>, headers: Record<string, string> = {}) => {
    const h = http("https://www.example.com/", headers);
    h.section.finalUrl = "https://www.example.com/";
    h.section.redirects = ["https://example.com/"];
    h.section.remoteAddress = remote.ip;
    return { http: h, answering: { network: remote } };
  };

  it("is the host, and the redirecting apex is named beside it", () => {
    const e = emptyEvidence(apex, {
      network: {
        site: [net("192.64.119.1", 22612, "NAMECHEAP-NET", "Namecheap, Inc.")],
        nameservers: [],
        mail: [],
      },
      ...final(net("198.185.159.145", 53831, "SQUARESPACE", "Squarespace, Inc.")),
    });
    const p = detectHosting(e);
    expect(p).toMatchObject({ name: "Squarespace" });
    expect(p?.evidence).toContain(
      "the final page came from www.example.com at 198.185.159.145, after a redirect from example.com",
    );
    expect(p?.evidence).toContain(
      "example.com itself points to A 192.64.119.1 in AS22612 (NAMECHEAP-NET)",
    );
  });

  it("a CDN in front of the apex does not hide a www served straight from somewhere else", () => {
    const e = emptyEvidence(apex, {
      network: {
        site: [net("104.16.1.1", 13335, "CLOUDFLARENET", "Cloudflare, Inc.")],
        nameservers: [],
        mail: [],
      },
      ...final(net("203.0.113.5", 64511, "BP", "Bulletproof Ltd", { email: "abuse@bp.example" })),
    });
    expect(detectCdn(e)).toBeNull();
    expect(detectHosting(e)).toMatchObject({
      name: "Bulletproof Ltd",
      abuse: { email: "abuse@bp.example" },
    });
    expect(detectHosting(e)?.note).toBeUndefined();
  });
});

describe("fourth review: genuine set-ups stay named", () => {
  const from = (headers: Record<string, string>, n: ReturnType<typeof net>) => {
    const h = http("https://www.example.org/", headers);
    h.section.remoteAddress = n.ip;
    return emptyEvidence(T, { network: { site: [n], nameservers: [], mail: [] }, http: h });
  };

  it("CDNs whose networks the catalogue does not know, or that rent edges, keep their headers", () => {
    const cases: [Record<string, string>, ReturnType<typeof net>, string][] = [
      [{ "x-id": "abc-gc12" }, net("92.223.84.1", 199524, "GCORE", "G-Core Labs S.A."), "gcore"],
      [{ server: "CDN77-Turbo" }, net("185.59.220.1", 60068, "CDN77", "DataCamp Limited"), "cdn77"],
      [
        { server: "keycdn-engine" },
        net("45.77.1.1", 20473, "VULTR", "Vultr Holdings, LLC"),
        "keycdn",
      ],
      [
        { server: "BunnyCDN-DE1-123" },
        net("185.59.220.9", 60068, "CDN77", "DataCamp Limited"),
        "bunny",
      ],
      [
        { "x-hw": "1567797125.dop019.se2.t" },
        net("151.139.200.1", 20446, "SP", "StackPath, LLC"),
        "stackpath",
      ],
    ];
    for (const [headers, n, id] of cases) {
      expect(detectCdn(from(headers, n))?.id, id).toBe(id);
    }
  });

  it("a Cloudflare edge outside the old partial list is Cloudflare's even with nothing else known", () => {
    const bare = { ...net("190.93.244.1", 13335, null, null), asn: null };
    expect(
      detectCdn(from({ server: "cloudflare", "cf-ray": "0123456789abcdef-FRA" }, bare)),
    ).toMatchObject({
      name: "Cloudflare",
    });
  });

  const apexToWww = (
    apex: ReturnType<typeof net>,
    www: ReturnType<typeof net>,
    chain: string[],
    headers: Record<string, string>,
  ) => {
    const h = http("https://www.example.com/", headers);
    h.section.remoteAddress = www.ip;
    return emptyEvidence(target("example.com", "example.com"), {
      network: { site: [apex], nameservers: [], mail: [] },
      http: h,
      answering: {
        network: www,
        chain: chain.slice(1).map((to, i) => ({ from: chain[i] ?? "", to })),
      },
    });
  };

  it("apex → www on a platform in a public cloud: the cloud is the network, the platform is named", () => {
    const netlify = apexToWww(
      net("75.2.60.5", 16509, "AMAZON-02", "Amazon.com, Inc."),
      net("54.1.2.3", 16509, "AMAZON-02", "Amazon.com, Inc."),
      ["www.example.com", "example-site.netlify.app"],
      { server: "Netlify", "x-nf-request-id": "01KF8W0ZYAEKDTDRMNVE31AF00" },
    );
    // Hosting is the network the page came from (the definition); the platform role
    // and the CDN name Netlify, with its channel.
    expect(detectHosting(netlify)).toMatchObject({ name: "Amazon Web Services" });
    expect(detectPlatform(netlify)).toMatchObject({ name: "Netlify", confidence: "high" });
    const vercel = apexToWww(
      net("76.76.21.21", 16509, "AMAZON-02", "Vercel, Inc"),
      net("76.76.21.164", 16509, "AMAZON-02", "Vercel, Inc"),
      ["www.example.com"],
      { server: "Vercel", "x-vercel-id": "iad1::abcde-1769280933622-449e98882f00" },
    );
    expect(detectCdn(vercel)).toMatchObject({ name: "Vercel" });
    expect(detectHosting(vercel)?.evidence).toContain("76.76.21.164 is registered to Vercel, Inc");
  });

  it("a CNAME counts only for the address family, or the address, it leads to", () => {
    // A walks into a Netlify name; AAAA is the zone's own server, and that is what answered.
    const h = http("https://www.example.org/", {});
    h.section.remoteAddress = "2600:1f18::5";
    const e = emptyEvidence(T, {
      dns: {
        ...dns({
          a: ["75.2.60.5"],
          aaaa: ["2600:1f18::5"],
          cname: ["www.example.org", "x.netlify.app"],
        }),
        chains: { a: [{ from: "www.example.org", to: "x.netlify.app" }], aaaa: [] },
      },
      network: {
        site: [net("2600:1f18::5", 16509, "AMAZON-02", "Amazon.com, Inc.")],
        nameservers: [],
        mail: [],
      },
      http: h,
    });
    expect(detectPlatform(e)).toBeNull();
    // Not knowing which answered, walks that disagree say nothing.
    h.section.remoteAddress = null;
    expect(detectPlatform(e)).toBeNull();
  });

  it("not knowing which answered, the steps both walks share still count (Akamai)", () => {
    const shared = { from: "www.example.org", to: "www.example.org.edgekey.net" };
    const e = emptyEvidence(T, {
      dns: {
        ...dns({ a: ["80.157.1.2"], aaaa: ["2a02:26f0::1"] }),
        chains: {
          a: [shared, { from: "www.example.org.edgekey.net", to: "e1234.a.akamaiedge.net" }],
          aaaa: [shared, { from: "www.example.org.edgekey.net", to: "e1234.dsca.akamaiedge.net" }],
        },
      },
    });
    expect(detectCdn(e)).toMatchObject({ name: "Akamai" });
    expect(detectCdn(e)?.evidence).toContain("CNAME www.example.org → www.example.org.edgekey.net");
  });

  it("a platform's headers alone on a cloud VM leave the cloud as the host", () => {
    const vm = apexToWww(
      net("3.3.3.3", 16509, "AMAZON-02", "Amazon.com, Inc."),
      net("54.1.2.3", 16509, "AMAZON-02", "Amazon.com, Inc."),
      ["www.example.com"],
      { server: "Netlify" },
    );
    expect(detectHosting(vm)).toMatchObject({ name: "Amazon Web Services" });
  });
});

describe("registrant names", () => {
  it("are the provider only as its own name plus corporate or place words", () => {
    expect(registeredTo("Amazon Data Services Ireland Limited", "Amazon Web Services")).toBe(true);
    expect(registeredTo("Shopify, Inc.", "Shopify")).toBe(true);
    expect(registeredTo("Squarespace Fans e.V.", "Squarespace")).toBe(false);
    expect(registeredTo("Fly Networks Ltd", "Fly.io")).toBe(true);
    // …which is why a registrant name alone never picks a catalogue entry (ownerOf does not).
    const e = emptyEvidence(T, {
      network: {
        site: [{ ...net("198.51.100.9", 1, "X", "Fly Networks Ltd"), asn: null }],
        nameservers: [],
        mail: [],
      },
    });
    expect(detectHosting(e)).toMatchObject({ name: "Fly Networks Ltd" });
  });
});

describe("listed ranges against the registry's data", () => {
  const site = (n: ReturnType<typeof net>) =>
    emptyEvidence(T, { network: { site: [n], nameservers: [], mail: [] } });

  it("a listed range registered to somebody else and announced by another AS is not the provider's", () => {
    // Squarespace's listed /24, if it were reassigned: the holder is the host, not Squarespace.
    const e = site(
      net("198.185.159.10", 64512, "EVIL", "Evil Hosting", { email: "abuse@evil.example" }),
    );
    expect(detectHosting(e)).toMatchObject({
      name: "Evil Hosting",
      abuse: { email: "abuse@evil.example" },
    });
    expect(detectPlatform(e)).toBeNull();
    // A stale CDN range names no CDN.
    expect(detectCdn(site(net("151.139.1.2", 64512, "NEWHOLDER", "New Holder LLC")))).toBeNull();
  });

  it("either the registrant or the announcing AS agreeing keeps the range", () => {
    // Shopify's own block, announced by Cloudflare.
    const shop = site(net("23.227.38.70", 13335, "CLOUDFLARENET", "Shopify, Inc."));
    expect(detectHosting(shop)).toMatchObject({ name: "Shopify" });
    // Netlify's documented address is AWS space: declared with runsOn.
    const lb = site(net("75.2.60.5", 16509, "AMAZON-02", "Amazon.com, Inc."));
    expect(detectHosting(lb)).toMatchObject({ name: "Netlify" });
    expect(detectHosting(lb)?.evidence).toContain("75.2.60.5 is registered to Amazon.com, Inc.");
  });

  it("a reseller's block inside a cloud's AS: the cloud is named, the reseller's contact is a lead only", () => {
    const e = site(
      net("129.146.1.1", 31898, "ORACLE-BMC-31898", "Bulletproof Reseller Ltd", {
        email: "abuse@reseller.example",
      }),
    );
    const p = detectHosting(e);
    expect(p).toMatchObject({ name: "Oracle Cloud", asn: 31898 });
    expect(p?.abuse).toEqual({ email: null, url: null, phone: null });
    expect(p?.evidence).toContain(
      "129.146.1.1 is registered to Bulletproof Reseller Ltd (RDAP abuse contact abuse@reseller.example)",
    );
  });
});

describe("abuse fallback to RDAP", () => {
  // A platform the catalogue has no abuse channel for.
  const entry: ProviderEntry = {
    id: "exampleshop",
    name: "Exampleshop",
    kinds: ["platform", "hosting"],
    website: "https://exampleshop.test",
    signals: [],
    abuse: null,
  };
  const CF_AS = 13335;

  it("a block registered to the provider is its own, even when another catalogued AS announces it", () => {
    const own = net("23.227.38.65", CF_AS, "CLOUDFLARENET", "Exampleshop, Inc.", {
      email: "abuse@exampleshop.test",
    });
    expect(reportTo(entry, [own]).abuse).toEqual({
      email: "abuse@exampleshop.test",
      url: null,
      phone: null,
    });
  });

  it("a service of the same company takes its network entry's channel (WordPress VIP → Automattic)", () => {
    const vip = providerById("wordpress-vip");
    expect(vip?.abuse).toBeNull();
    const got = reportTo(vip ?? null, []);
    expect(got.abuse).toEqual({
      email: "abuse@automattic.com",
      url: null,
      phone: "+1-877-273-8550",
    });
    expect(got.abuseSource).toMatchObject({
      kind: "catalogue",
      via: { name: "Automattic", relation: "runs" },
    });
  });

  it("the company that owns a service is the last stand-in (Sucuri → GoDaddy), and says so", () => {
    const got = reportTo(providerById("sucuri") ?? null, []);
    expect(got.abuse.email).toBe("abuse@godaddy.com");
    expect(got.abuseSource).toMatchObject({
      kind: "catalogue",
      via: {
        name: "GoDaddy",
        relation: "owns",
        source: "https://sucuri.net/enterprise-services-agreement",
      },
    });
  });

  it("a block registered to the network it sits in is that network's, not the provider's", () => {
    const aws = net("75.2.60.5", 16509, "AMAZON-02", "Amazon Technologies Inc.", {
      email: "abuse@amazonaws.com",
    });
    expect(reportTo(entry, [aws]).abuse).toEqual({ email: null, url: null, phone: null });
  });
});

describe("platform: the company's network as confirmation", () => {
  it("a Blogger fingerprint on a rented Google Cloud address stays one signal", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("34.1.2.3", 396982, "GOOGLE-CLOUD-PLATFORM", "Google LLC")],
        nameservers: [],
        mail: [],
      },
      http: http(
        "https://www.example.org/",
        { server: "nginx" },
        { body: "<meta name='generator' content='blogger'>" },
      ),
      technologies: [tech("Blogger", ["Blogs"])],
    });
    expect(detectPlatform(e)).toMatchObject({ name: "Blogger", confidence: "medium" });
  });

  it("WordPress.com's headers from Automattic's own network agree (nobody rents addresses there)", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("192.0.78.168", 2635, "AUTOMATTIC", "Automattic, Inc")],
        nameservers: [],
        mail: [],
      },
      http: http("https://www.example.org/", { "host-header": "WordPress.com" }),
    });
    expect(detectPlatform(e)).toMatchObject({ name: "WordPress.com", confidence: "high" });
  });
});

describe("platform", () => {
  it("self-hosted WordPress is never sent to Automattic", () => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("88.198.12.34", 24940, "HETZNER-AS", "Hetzner Online GmbH")],
        nameservers: [],
        mail: [],
      },
      // The dataset marks WordPress both saas (WordPress.com) and oss: software anyone can run.
      technologies: [
        tech("WordPress", ["CMS", "Blogs"], { version: "6.6", saas: true, oss: true }),
      ],
    });
    const p = detectPlatform(e);
    expect(p).toMatchObject({
      name: "WordPress",
      note: "self-hosted",
      abuse: { email: null, url: null, phone: null },
    });
    expect(p?.id).toBeUndefined();
    expect(JSON.stringify(p)).not.toMatch(/automattic/i);
  });

  it.each([
    ["BigCommerce", ["Ecommerce"]],
    ["HubSpot CMS Hub", ["CMS"]],
    ["Jimdo", ["CMS"]],
  ])("an uncatalogued SaaS platform (%s) is a hosted service, never self-hosted", (name, cats) => {
    const e = emptyEvidence(T, {
      network: {
        site: [net("198.51.100.7", 64500, "EXAMPLE-NET", "Example Hosting")],
        nameservers: [],
        mail: [],
      },
      technologies: [tech(name, cats, { saas: true, via: ["headers"] })],
    });
    const p = detectPlatform(e);
    expect(p).toMatchObject({
      name,
      note: "hosted service",
      confidence: "medium",
      abuse: { email: null, url: null, phone: null },
    });
    expect(p?.evidence.join(" ")).toMatch(/hosted \(SaaS\) service/);
    expect(JSON.stringify(p)).not.toMatch(/self-hosted/);
  });

  it("a SaaS-listed plugin on self-hosted WordPress leaves WordPress self-hosted", () => {
    const e = emptyEvidence(T, {
      technologies: [
        tech("Dokan", ["Ecommerce"], { saas: true }),
        tech("WordPress", ["CMS", "Blogs"], { saas: true, oss: true }),
      ],
    });
    expect(detectPlatform(e)).toMatchObject({ name: "WordPress", note: "self-hosted" });
  });

  it("a technology seen only in DNS records is not the platform", () => {
    const e = emptyEvidence(T, {
      technologies: [
        tech("Vercel", ["PaaS"], { via: ["dns"] }),
        tech("Ghost", ["CMS"], { via: ["dns", "implied"] }),
        tech("Nginx", ["Web servers"], { via: ["headers"] }),
      ],
    });
    expect(detectPlatform(e)).toBeNull();
  });

  it("a zone at Vercel DNS does not make an nginx site at Hetzner a Vercel site", () => {
    const e = emptyEvidence(T, {
      dns: dns({ ns: ["ns1.vercel-dns.com", "ns2.vercel-dns.com"], a: ["88.198.12.34"] }),
      network: {
        site: [net("88.198.12.34", 24940, "HETZNER-AS", "Hetzner Online GmbH")],
        nameservers: [],
        mail: [],
      },
      http: http("https://www.example.org/", { server: "nginx/1.24.0" }),
    });
    if (e.dns)
      e.dns.section.soa = { mname: "ns1.vercel-dns.com", rname: "hostmaster.nsone.net", serial: 1 };
    e.technologies = detectTechnologies(e);
    expect(e.technologies.find((t) => t.name === "Vercel")).toMatchObject({ via: ["dns"] });
    expect(detectPlatform(e)).toBeNull();
    expect(detectCdn(e)).toBeNull();
  });

  it("a third-party Shopify widget is not the site's platform", () => {
    const e = emptyEvidence(T, {
      technologies: [tech("Shopify", ["Ecommerce"], { thirdParty: true })],
    });
    expect(detectPlatform(e)).toBeNull();
  });
});

describe("dns", () => {
  it("Cloudflare DNS is reported without Cloudflare as proxy", () => {
    const e = emptyEvidence(T, {
      dns: dns({ ns: ["kyle.ns.cloudflare.com", "june.ns.cloudflare.com"] }),
    });
    expect(detectDns(e)).toMatchObject({ name: "Cloudflare", confidence: "high" });
    expect(detectCdn(e)).toBeNull();
  });

  it("a split delegation is medium and names the other nameservers", () => {
    const e = emptyEvidence(T, { dns: dns({ ns: ["kyle.ns.cloudflare.com", "ns1.example.net"] }) });
    expect(detectDns(e)).toMatchObject({
      name: "Cloudflare",
      confidence: "medium",
      evidence: ["NS kyle.ns.cloudflare.com (ns.cloudflare.com)", "also NS ns1.example.net"],
    });
  });

  it("uses the registry's nameservers when the DNS answer has none", () => {
    const e = emptyEvidence(T);
    e.registration = {
      registration: {
        source: "rdap",
        server: null,
        registrar: null,
        registry: null,
        created: null,
        updated: null,
        expires: null,
        status: [],
        nameservers: ["ns1.digitalocean.com"],
        dnssec: null,
        registrant: null,
        abuse: null,
      },
      registryAbuse: null,
      privacyService: null,
      tldContact: null,
      registrarServer: null,
    };
    expect(detectDns(e)).toMatchObject({
      name: "DigitalOcean",
      evidence: ["registry NS ns1.digitalocean.com (digitalocean.com)"],
    });
  });
});

describe("dns: the registry's delegation against the zone's own NS records", () => {
  const withDelegation = (delegated: string[], child: string[]) => {
    const reg = registration({ server: "https://rdap.example/", registrar: "R", registry: "Reg" });
    reg.registration.nameservers = delegated;
    return emptyEvidence(target("www.example.org", "example.org"), {
      dns: { ...dns({ ns: child }), zone: "example.org" },
      registration: reg,
    });
  };

  it("names the delegated host when the zone claims somebody else's nameservers", () => {
    const p = detectDns(
      withDelegation(
        ["ns1.digitalocean.com", "ns2.digitalocean.com"],
        ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
      ),
    );
    expect(p).toMatchObject({ name: "DigitalOcean", confidence: "medium" });
    expect(p?.evidence).toContain(
      "the zone's own NS records also name adam.ns.cloudflare.com, bella.ns.cloudflare.com, which the registry does not delegate to",
    );
  });

  it("names nobody when the delegated servers are unknown and the zone claims a catalogued host", () => {
    expect(
      detectDns(
        withDelegation(
          ["ns1.bulletproof.example", "ns2.bulletproof.example"],
          ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
        ),
      ),
    ).toBeNull();
  });

  it("a sub-zone's own nameservers are one signal, with the registry's delegation beside them", () => {
    const reg = registration({ server: "https://rdap.example/", registrar: "R", registry: "Reg" });
    reg.registration.nameservers = ["ns1.bp.example", "ns2.bp.example"];
    const p = detectDns(
      emptyEvidence(target("login.secure.example.org", "example.org"), {
        dns: {
          ...dns({ ns: ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"] }),
          zone: "secure.example.org",
        },
        registration: reg,
      }),
    );
    expect(p).toMatchObject({ name: "Cloudflare", confidence: "medium" });
    expect(p?.evidence).toContain(
      "the registry delegates example.org to ns1.bp.example, ns2.bp.example",
    );
  });

  it("names repeated in another case count once", () => {
    const p = detectDns(
      withDelegation(
        ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
        ["ADAM.NS.CLOUDFLARE.COM", "adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
      ),
    );
    expect(p).toMatchObject({ name: "Cloudflare", confidence: "high" });
  });

  it("agreeing sets (any case, trailing dot) are decisive as before", () => {
    const p = detectDns(
      withDelegation(
        ["ADAM.NS.CLOUDFLARE.COM", "bella.ns.cloudflare.com"],
        ["adam.ns.cloudflare.com.", "bella.ns.cloudflare.com"],
      ),
    );
    expect(p).toMatchObject({ name: "Cloudflare", confidence: "high" });
    expect(p?.evidence[0]).toBe("NS adam.ns.cloudflare.com (ns.cloudflare.com)");
  });
});

describe("email", () => {
  it("reads include: and redirect= from the SPF record only", () => {
    expect(
      spfIncludes([
        "google-site-verification=x",
        "v=spf1 ip4:192.0.2.1 include:_spf.google.com ~include:sendgrid.net redirect=_spf.example.net",
      ]),
    ).toEqual(["_spf.google.com", "sendgrid.net", "_spf.example.net"]);
    expect(spfIncludes(["include:foo.example"])).toEqual([]);
  });

  it("names outbound senders from SPF as supporting evidence only", () => {
    const e = emptyEvidence(T, {
      dns: dns({
        mx: [
          { preference: 10, exchange: "mx.zoho.com" },
          { preference: 20, exchange: "mx2.zoho.com" },
        ],
        txt: ["v=spf1 include:zoho.com include:sendgrid.net ~all"],
      }),
    });
    expect(detectEmail(e)).toMatchObject({
      name: "Zoho Mail",
      confidence: "high",
      evidence: [
        "MX 10 mx.zoho.com (mx.zoho.com)",
        "MX 20 mx2.zoho.com (mx2.zoho.com)",
        "SPF include:zoho.com",
        "SPF also authorises SendGrid (include:sendgrid.net)",
      ],
    });
  });

  it("takes the RDAP abuse contact of MX networks registered to the provider, and no other", () => {
    const mx = dns({ mx: [{ preference: 10, exchange: "mx.zoho.com" }] });
    const zohoNet = net("204.141.33.44", 2639, "ZOHO-AS", "ZOHO Corporation", {
      email: "abuse@zoho-rdap.test",
    });
    const own = detectEmail(
      emptyEvidence(T, { dns: mx, network: { site: [], nameservers: [], mail: [zohoNet] } }),
    );
    expect(own).toMatchObject({
      name: "Zoho Mail",
      asn: 2639,
      abuse: { email: "abuse@zoho-rdap.test" },
      abuseSource: {
        kind: "network-rdap",
        address: "204.141.33.44",
        holder: "ZOHO Corporation",
      },
    });
    // A relay in somebody else's cloud says nothing about where to report Zoho.
    const cloud = net("52.1.2.3", 16509, "AMAZON-AES", "Amazon.com, Inc.", {
      email: "abuse@amazonaws.com",
    });
    const other = detectEmail(
      emptyEvidence(T, { dns: mx, network: { site: [], nameservers: [], mail: [cloud] } }),
    );
    expect(other).toMatchObject({ name: "Zoho Mail", asn: null });
    expect(other?.abuse).toEqual({ email: null, url: null, phone: null });
    expect(other?.abuseSource).toBeUndefined();
  });

  it("decides on the most preferred exchangers: a backup at Google and an SPF include are not Google's mail", () => {
    const bp = { ...net("203.0.113.9", 64511, "BP", "Bulletproof Ltd"), host: "mx.evil.example" };
    const google = {
      ...net("142.250.1.26", 15169, "GOOGLE", "Google LLC"),
      host: "aspmx.l.google.com",
    };
    const p = detectEmail(
      emptyEvidence(T, {
        dns: dns({
          mx: [
            { preference: 50, exchange: "aspmx.l.google.com" },
            { preference: 10, exchange: "mx.evil.example" },
          ],
          txt: ["v=spf1 include:_spf.google.com -all"],
        }),
        network: { site: [], nameservers: [], mail: [bp, google] },
      }),
    );
    // The preferred exchanger's own network, found per host.
    expect(p).toMatchObject({ name: "Bulletproof Ltd", confidence: "medium", asn: 64511 });
    expect(p?.evidence).toContain("also MX 50 aspmx.l.google.com");
    expect(p?.evidence).toContain("SPF also authorises Google Workspace (include:_spf.google.com)");
  });

  it("SPF supports a matched MX but is not a second channel", () => {
    const p = detectEmail(
      emptyEvidence(T, {
        dns: dns({
          mx: [
            { preference: 10, exchange: "aspmx.l.google.com" },
            { preference: 10, exchange: "mx.evil.example" },
          ],
          txt: ["v=spf1 include:_spf.google.com -all"],
        }),
      }),
    );
    expect(p).toMatchObject({ name: "Google Workspace", confidence: "medium" });
    expect(p?.evidence).toEqual([
      "MX 10 aspmx.l.google.com (aspmx.l.google.com)",
      "SPF include:_spf.google.com",
      "also MX 10 mx.evil.example",
    ]);
  });

  it("a null MX (RFC 7505) or SPF alone names no mail provider", () => {
    expect(
      detectEmail(emptyEvidence(T, { dns: dns({ mx: [{ preference: 0, exchange: "." }] }) })),
    ).toBeNull();
    expect(
      detectEmail(emptyEvidence(T, { dns: dns({ txt: ["v=spf1 include:_spf.google.com ~all"] }) })),
    ).toBeNull();
  });
});

describe("tls", () => {
  it("names an uncatalogued CA by its organisation with medium confidence", () => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        { tls: cert("Example CA / Issuing 1", "Example CA") },
      ),
    });
    expect(detectTls(e)).toMatchObject({
      name: "Example CA",
      confidence: "medium",
      abuse: { email: null, url: null, phone: null },
    });
  });

  it("matches issuer organisations whole: an issuer merely containing a CA's name is not that CA", () => {
    for (const org of ["Amazon Fake Trust Ltd", "Not Let's Encrypt", "digicert inc evil"]) {
      const e = emptyEvidence(T, {
        http: http("https://www.example.org/", {}, { tls: cert(`${org} / Issuing 1`, org) }),
      });
      const p = detectTls(e);
      expect(p).toMatchObject({ name: org, confidence: "medium" });
      expect(p?.id).toBeUndefined();
    }
    const noOrg = emptyEvidence(T, {
      http: http("https://www.example.org/", {}, { tls: cert("Amazon RSA 2048 M02", null) }),
    });
    expect(detectTls(noOrg)).toBeNull();
  });

  it.each([
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "CERT_HAS_EXPIRED",
  ])("an unverified chain (%s) names no CA, even one claiming to be Let's Encrypt", (code) => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        {
          tls: cert("Let's Encrypt / R11", "Let's Encrypt", { trusted: false, error: code }),
        },
      ),
    });
    expect(detectTls(e)).toBeNull();
  });

  it("a certificate whose trust is unknown names no CA", () => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        { tls: cert("Let's Encrypt / R11", "Let's Encrypt", { trusted: null, error: null }) },
      ),
    });
    expect(detectTls(e)).toBeNull();
  });

  it("a verified chain with only a host-name mismatch still names the CA, at medium", () => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        {
          tls: cert("Let's Encrypt / R11", "Let's Encrypt", {
            trusted: false,
            error: "ERR_TLS_CERT_ALTNAME_INVALID",
          }),
        },
      ),
    });
    const p = detectTls(e);
    expect(p).toMatchObject({ name: "Let's Encrypt", confidence: "medium", id: "lets-encrypt" });
    expect(p?.evidence.join(" ")).toMatch(/chain verified.*ERR_TLS_CERT_ALTNAME_INVALID/);
  });
});

describe("registry", () => {
  const IANA_ADMIN = {
    email: "admin@nic.example",
    phone: "+1 555 0100",
    url: "http://nic.example/",
  };
  const withRegistry = (domain: string, registryAbuse: { email: string } | null) =>
    emptyEvidence(target(domain), {
      registration: registration({
        source: "whois",
        server: "whois.nic.example",
        registrar: null,
        registry: "Example Registry",
        registryAbuse,
        tldContact: IANA_ADMIN,
      }),
    });

  it("a ccTLD's escalation contact is its manager's, as IANA's root zone database lists it", () => {
    expect(detectRegistry(withRegistry("example.de", null))?.abuse).toEqual(IANA_ADMIN);
  });

  it("the registry's own published abuse contact comes first", () => {
    const p = detectRegistry(withRegistry("example.de", { email: "abuse@nic.example" }));
    expect(p?.abuse).toEqual({ email: "abuse@nic.example", url: null, phone: null });
    expect(p?.evidence).toContain("WHOIS: the registry's abuse contact abuse@nic.example");
  });

  it("a gTLD registry is not where abuse goes: IANA's administrative contact is not offered", () => {
    expect(detectRegistry(withRegistry("example.com", null))?.abuse).toEqual({
      email: null,
      url: null,
      phone: null,
    });
  });
});
