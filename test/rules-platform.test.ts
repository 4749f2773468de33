// Attribution rules, Platform: the service that runs the site.
import { describe, expect, it } from "vitest";
import { detectCdn } from "../src/judge/detectors/cdn.js";
import { detectPlatform } from "../src/judge/detectors/platform.js";
import { detectTechnologies } from "../src/judge/fingerprints/detect.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { dns, http, net, target, tech } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

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
