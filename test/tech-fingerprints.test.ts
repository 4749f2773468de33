import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFingerprintFile } from "../src/judge/fingerprints/data.js";
import { fingerprintsVersion } from "../src/judge/fingerprints/dataset.js";
import { detectTechnologies, loadFingerprints } from "../src/judge/fingerprints/detect.js";
import type { Technology } from "../src/profile/types.js";
import { type Evidence, emptyDnsSection, emptyEvidence } from "../src/sources/evidence.js";

const page = (name: string) =>
  readFileSync(new URL(`./fixtures/pages/${name}.html`, import.meta.url), "utf8");

function evidenceFor(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  cookies: Record<string, string> = {},
): Evidence {
  const host = new URL(url).hostname;
  return emptyEvidence(
    { input: host, host, domain: host.replace(/^www\./, ""), url: null },
    {
      http: {
        section: { url, finalUrl: url, status: 200, redirects: [], headers, tls: null },
        body,
        cookies,
        chainHeaders: [headers],
      },
    },
  );
}

const byName = (techs: Technology[], name: string) => techs.find((t) => t.name === name);
const names = (techs: Technology[]) => techs.map((t) => t.name).sort();

describe("technology fingerprints (webappanalyzer data)", () => {
  it("WordPress: version from the generator meta, categories, PHP and MySQL implied", () => {
    const techs = detectTechnologies(
      evidenceFor("https://www.bakery.example/", page("wordpress"), {
        server: "nginx/1.24.0",
        link: '<https://www.bakery.example/wp-json/>; rel="https://api.w.org/"',
      }),
    );
    expect(byName(techs, "WordPress")).toEqual({
      name: "WordPress",
      version: "6.6.2",
      categories: ["CMS", "Blogs"],
      confidence: 100,
      saas: true,
      oss: true,
      via: ["headers", "html", "meta", "scriptSrc"],
    });
    expect(byName(techs, "PHP")).toMatchObject({ version: null, confidence: 100 });
    expect(byName(techs, "MySQL")).toBeDefined();
    expect(byName(techs, "jQuery")).toMatchObject({ version: null }); // "?ver=3.7.1" is no rule of the dataset
    expect(byName(techs, "jQuery")?.thirdParty).toBeUndefined();
    expect(byName(techs, "Nginx")).toMatchObject({ version: "1.24.0" });
  });

  it("Shopify: headers, cookies and meta make it first-party even with CDN scripts", () => {
    const techs = detectTechnologies(
      evidenceFor(
        "https://socks.example/",
        page("shopify"),
        { "x-shopid": "12345678", "x-shopify-stage": "production" },
        { _shopify_y: "abc" },
      ),
    );
    const shopify = byName(techs, "Shopify");
    expect(shopify).toMatchObject({ categories: ["Ecommerce"], confidence: 100 });
    expect(shopify?.thirdParty).toBeUndefined();
  });

  it("Drupal: generator meta and X-Generator header give the major version", () => {
    const techs = detectTechnologies(
      evidenceFor("https://www.uni.example/", page("drupal"), {
        "x-generator": "Drupal 10 (https://www.drupal.org)",
        "x-drupal-cache": "HIT",
      }),
    );
    expect(byName(techs, "Drupal")).toMatchObject({
      version: "10",
      categories: ["CMS"],
      confidence: 100,
    });
    expect(byName(techs, "PHP")).toBeDefined();
  });

  it("Next.js: X-Powered-By header; React and Webpack implied", () => {
    const techs = detectTechnologies(
      evidenceFor("https://app.example/", page("nextjs"), { "x-powered-by": "Next.js" }),
    );
    expect(byName(techs, "Next.js")).toMatchObject({ version: null });
    expect(names(techs)).toEqual(expect.arrayContaining(["Next.js", "React", "Webpack"]));
  });

  it("a plain nginx page shows nginx and nothing invented", () => {
    const techs = detectTechnologies(
      evidenceFor("http://plain.example/", page("nginx"), { server: "nginx/1.18.0 (Ubuntu)" }),
    );
    expect(names(techs)).toEqual(["Nginx", "Ubuntu"]);
    expect(byName(techs, "Nginx")).toMatchObject({
      version: "1.18.0",
      categories: ["Web servers", "Reverse proxies"],
    });
  });

  it("marks a technology seen only in a third-party script URL (CDN-hosted) as thirdParty", () => {
    const body = `<html><head><script src="https://cdn.shopify.com/s/files/buy-button.js"></script>
      <script src="https://code.jquery.com/jquery-3.6.0.min.js"></script></head><body>shop</body></html>`;
    const techs = detectTechnologies(evidenceFor("https://blog.example/", body));
    expect(byName(techs, "Shopify")).toMatchObject({ thirdParty: true });
    expect(byName(techs, "jQuery")).toMatchObject({ version: "3.6.0", thirdParty: true });
  });

  it("matches the dataset's dns rules against the DNS answers", () => {
    const ev = emptyEvidence(
      { input: "mail.example", host: "mail.example", domain: "mail.example", url: null },
      {
        dns: {
          section: {
            ...emptyDnsSection(),
            mx: [{ preference: 1, exchange: "aspmx.l.google.com" }],
            ns: ["kyle.ns.cloudflare.com"],
          },
          zone: "mail.example",
          cnameChain: [],
          chains: { a: [], aaaa: [] },
          answers: {},
        },
      },
    );
    expect(names(detectTechnologies(ev))).toEqual(
      expect.arrayContaining(["Google Workspace", "Cloudflare"]),
    );
  });

  it("records which kinds of rule matched: a Vercel DNS SOA is via dns only", () => {
    const ev = evidenceFor("https://hetzner-site.example/", "<html><body>hi</body></html>", {
      server: "nginx",
    });
    ev.dns = {
      section: {
        ...emptyDnsSection(),
        soa: { mname: "ns1.vercel-dns.com", rname: "hostmaster.nsone.net", serial: 1 },
      },
      zone: "hetzner-site.example",
      cnameChain: [],
      chains: { a: [], aaaa: [] },
      answers: {},
    };
    const techs = detectTechnologies(ev);
    expect(byName(techs, "Vercel")).toMatchObject({ via: ["dns"] });
    expect(byName(techs, "Nginx")).toMatchObject({ via: ["headers"] });
  });

  it("an implied technology carries 'implied' and the kinds that showed its implier", () => {
    const techs = detectTechnologies(
      evidenceFor("https://app.example/", page("nextjs"), { "x-powered-by": "Next.js" }),
    );
    expect(byName(techs, "React")?.via).toEqual(expect.arrayContaining(["implied", "headers"]));
  });

  it("carries the dataset's saas flag: BigCommerce and Jimdo are hosted services", () => {
    const big = detectTechnologies(
      evidenceFor("https://store.example/", '<meta name="platform" content="bigcommerce.stencil">'),
    );
    expect(byName(big, "BigCommerce")).toMatchObject({ saas: true, via: ["meta"] });
    expect(byName(big, "BigCommerce")?.oss).toBeUndefined();
    const jimdo = detectTechnologies(
      evidenceFor("https://site.example/", "<html></html>", { "x-jimdo-instance": "1" }),
    );
    expect(byName(jimdo, "Jimdo")).toMatchObject({ saas: true });
  });

  it("reads the certificate issuer only from a verified chain (a self-signed cert may claim any)", () => {
    const withCert = (trusted: boolean, error: string | null) => {
      const ev = evidenceFor("https://www.shop.example/", "<html></html>");
      if (ev.http)
        ev.http.section.tls = {
          issuer: "Amazon / Amazon RSA 2048 M02",
          issuerOrg: "Amazon",
          subject: "www.shop.example",
          san: [],
          validFrom: null,
          validTo: null,
          sha256: null,
          trusted,
          error,
        };
      return names(detectTechnologies(ev));
    };
    expect(withCert(true, null)).toContain("AWS Certificate Manager");
    expect(withCert(false, "DEPTH_ZERO_SELF_SIGNED_CERT")).not.toContain("AWS Certificate Manager");
  });

  it("finds nothing without a page or DNS evidence", () => {
    const ev = emptyEvidence({
      input: "x.example",
      host: "x.example",
      domain: "x.example",
      url: null,
    });
    expect(detectTechnologies(ev)).toEqual([]);
  });

  it("records the version of the dataset actually loaded, its licence and its size", () => {
    const fp = loadFingerprints();
    expect(fp.version).toBe(fingerprintsVersion);
    expect(fp.version).toMatch(/^webappanalyzer@\d{4}-\d{2}-\d{2}$/);
    expect(fp.license).toBe("GPL-3.0");
    // Every technology in the file is compiled (matchable ones listed, all reachable by name).
    expect(fp.byName.size).toBe(Object.keys(readFingerprintFile().technologies).length);
    expect(fp.technologies.length).toBeGreaterThan(3000);
  });

  it("finishes on hostile 1 MiB bodies built to make tag-shaped patterns backtrack", () => {
    for (const body of [
      "<".repeat(1 << 20),
      "<link ".repeat(170_000),
      "<script src=x ".repeat(75_000),
    ]) {
      const techs = detectTechnologies(
        evidenceFor("https://evil.example/", body, { server: "nginx" }),
      );
      expect(names(techs)).toEqual(["Nginx"]);
    }
  });
});
