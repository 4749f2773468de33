// Attribution rules, CDN: which traffic signals name the CDN in front of a site.
import { describe, expect, it } from "vitest";
import { detectCdn } from "../src/judge/detectors/cdn.js";
import { detectHosting } from "../src/judge/detectors/hosting.js";
import { detectPlatform } from "../src/judge/detectors/platform.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { dns, http, net, target, tech } from "./fixtures/stacks/build.js";

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
