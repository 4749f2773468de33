// Attribution rules, Hosting: the network that serves the site, and who owns it.
import { describe, expect, it } from "vitest";
import { detectCdn } from "../src/judge/detectors/cdn.js";
import { detectHosting } from "../src/judge/detectors/hosting.js";
import { registeredTo } from "../src/judge/detectors/ownership.js";
import { detectPlatform } from "../src/judge/detectors/platform.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { http, net, target } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

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
