// Attribution rules, CDN and hosting together: who answered, which addresses are whose, imitation.
import { describe, expect, it } from "vitest";
import { detectCdn } from "../src/judge/detectors/cdn.js";
import { detectHosting } from "../src/judge/detectors/hosting.js";
import { detectPlatform } from "../src/judge/detectors/platform.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { dns, http, net, target } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

describe("the address that answered, and the edges a CNAME proves", () => {
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

describe("genuine set-ups are not taken for imitation", () => {
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
