import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anyOfLiterals } from "../src/judge/fingerprints/alternatives.js";
import { bigramKeys, bigramSet, mayContain } from "../src/judge/fingerprints/bigrams.js";
import {
  type CompiledFingerprints,
  type CompiledTechnology,
  compileFingerprints,
} from "../src/judge/fingerprints/compile.js";
import { readFingerprintFile } from "../src/judge/fingerprints/data.js";
import { detectTechnologies, loadFingerprints } from "../src/judge/fingerprints/detect.js";
import { type Detection, matchTechnology } from "../src/judge/fingerprints/match.js";
import { resolveDetections } from "../src/judge/fingerprints/resolve.js";
import { type PageSignals, pageSignals } from "../src/judge/fingerprints/signals.js";
import type { DnsSection, HttpSection } from "../src/profile/types.js";
import { type Evidence, emptyDnsSection, emptyEvidence } from "../src/sources/evidence.js";

const page = (name: string) =>
  readFileSync(new URL(`./fixtures/pages/${name}.html`, import.meta.url), "utf8");

// The matcher over the index's whole selection, unfiltered, in the index's order: what
// detectTechnologies did before candidates were filtered by literals.
function unfiltered(fp: CompiledFingerprints, e: Evidence) {
  const s: PageSignals = pageSignals(e);
  const selected = new Set<CompiledTechnology>();
  const addAll = (list: number[] | undefined) => {
    for (const id of list ?? []) selected.add(fp.tech(id));
  };
  addAll(fp.index.always);
  for (const name of Object.keys(s.headers)) addAll(fp.index.headers.get(name));
  for (const name of Object.keys(s.cookies)) addAll(fp.index.cookies.get(name.toLowerCase()));
  for (const name of Object.keys(s.meta)) addAll(fp.index.meta.get(name));
  for (const [lit, list] of fp.index.htmlLiterals) if (s.htmlLower.includes(lit)) addAll(list);
  for (const [lit, list] of fp.index.scriptLiterals) if (s.scriptsLower.includes(lit)) addAll(list);
  const detections: Detection[] = [];
  for (const t of selected) {
    const d = matchTechnology(t, s);
    if (d) detections.push(d);
  }
  return resolveDetections(detections, fp);
}

const dns = (over: Partial<DnsSection>): DnsSection => ({ ...emptyDnsSection(), ...over });

function evidence(
  body: string | null,
  headers: Record<string, string> = {},
  cookies: Record<string, string> = {},
  dnsSection: DnsSection | null = null,
  tls: HttpSection["tls"] = null,
): Evidence {
  const url = "https://www.shop.example/";
  const target = { input: "shop.example", host: "shop.example", domain: "shop.example", url: null };
  return emptyEvidence(target, {
    dns: dnsSection ? { section: dnsSection } : null,
    http:
      body === null
        ? null
        : {
            section: { url, finalUrl: url, status: 200, redirects: [], headers, tls },
            body,
            cookies,
            chainHeaders: [headers],
          },
  } as Partial<Evidence>);
}

const mailAndDns = dns({
  ns: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"],
  mx: [{ preference: 1, exchange: "aspmx.l.google.com" }],
  txt: ["v=spf1 include:_spf.google.com include:sendgrid.net ~all", "MS=ms12345678"],
  soa: { mname: "ns-1.awsdns-1.com", rname: "awsdns-hostmaster.amazon.com", serial: 1 },
  cname: ["shops.myshopify.com"],
} as Partial<DnsSection>);

const cases: [string, Evidence][] = [
  [
    "wordpress page",
    evidence(page("wordpress"), { server: "nginx/1.24.0", "x-powered-by": "PHP/8.2" }),
  ],
  [
    "shopify page with cookies and DNS",
    evidence(
      page("shopify"),
      { "powered-by": "Shopify", server: "cloudflare", "cf-ray": "1-FRA" },
      { _shopify_y: "1", secure_customer_sig: "x", SESSabcdef0123456789abcdef0123456789: "d" },
      mailAndDns,
    ),
  ],
  [
    "drupal page",
    evidence(page("drupal"), { "x-generator": "Drupal 10", "x-drupal-cache": "HIT" }),
  ],
  ["next.js page", evidence(page("nextjs"), { "x-powered-by": "Next.js", via: "1.1 vercel" })],
  ["nginx page", evidence(page("nginx"), { server: "nginx" })],
  ["empty page", evidence("", { server: "Apache" }, {}, mailAndDns)],
  ["no page, DNS only", evidence(null, {}, {}, mailAndDns)],
  [
    "headers named like Object.prototype members",
    evidence(
      "<p>x</p>",
      Object.fromEntries([
        ["constructor", "x"],
        ["__proto__", "z"],
      ]),
    ),
  ],
];

describe("technology candidates (literal pre-filter)", () => {
  const full = loadFingerprints();

  it.each(cases)("finds exactly what the unfiltered matcher finds: %s", (_, e) => {
    expect(detectTechnologies(e, full)).toEqual(unfiltered(full, e));
  });

  it("under --passive (no page), answers exactly as the unfiltered matcher", () => {
    const e = { ...evidence(null, {}, {}, mailAndDns), passive: true };
    const techs = detectTechnologies(e);
    expect(techs).toEqual(unfiltered(full, e));
    expect(techs.map((t) => t.name)).toContain("Google Workspace");
  });

  it("the shipped index is the one derived from the technologies themselves", () => {
    const { index, ...rest } = readFingerprintFile();
    const derived = compileFingerprints(rest);
    expect(derived.packed).toEqual(index);
    expect(derived.index).toEqual(full.index);
  });

  it("compiles a technology only when a page makes it a candidate or a detection names it", () => {
    const fp = compileFingerprints();
    const seen: string[] = [];
    const tech = fp.tech;
    fp.tech = (id) => {
      const t = tech(id);
      seen.push(t.name);
      return t;
    };
    const techs = detectTechnologies(evidence(page("nginx"), { server: "nginx" }), fp);
    expect(techs.map((t) => t.name)).toContain("Nginx");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(200);
  });
});

describe("bigram pre-filter", () => {
  it("never rules out a literal the text holds, ASCII or not", () => {
    const text = "<html>Ünïcødé 日本語 wp-content/themes café</html>".toLowerCase();
    const seen = bigramSet(text);
    for (const literal of ["wp-content", "ünïcødé", "日本", "é<", "<h", "café</"])
      expect(mayContain(seen, bigramKeys(literal))).toBe(true);
    expect(mayContain(seen, bigramKeys("shopify"))).toBe(false);
    expect(mayContain(bigramSet(""), bigramKeys("ab"))).toBe(false);
    expect(mayContain(bigramSet(""), bigramKeys("a"))).toBe(true);
  });
});

describe("alternation literals", () => {
  it("a page a pattern matches holds one of its literals (fixture pages)", () => {
    const pages = [
      ...["wordpress", "shopify", "drupal", "nextjs", "nginx"].map(page),
      '<link rel="stylesheet" href="/css/glyphicons.min.css"><!-- Generated by Doxygen 1.9.1 -->' +
        '<input type="hidden" name="csrfmiddlewaretoken" value="x"><img src="//images.ctfassets.net/a.png">',
    ];
    let checked = 0;
    for (const t of loadFingerprints().technologies)
      for (const p of t.html) {
        if (!p.regex || p.literal) continue;
        for (const html of pages) {
          if (!p.regex.test(html)) continue;
          checked++;
          const literals = anyOfLiterals(p.source) ?? [];
          expect(literals.some((l) => html.toLowerCase().includes(l))).toBe(true);
        }
      }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("gives the literals one of which every match holds", () => {
    expect(
      anyOfLiterals("(?:<!-- Generated by Doxygen ([\\d.]+)|<link[^>]+doxygen\\.css)"),
    ).toEqual(["<!-- generated by doxygen ", "doxygen.css"]);
    expect(
      anyOfLiterals("<[^>]+(?:assets|images)\\.(?:ct?fassets\\.net|contentful\\.com)"),
    ).toEqual(["fassets.net", "contentful.com"]);
    expect(anyOfLiterals("abc|(?:de|fgh)")).toBeNull(); // "de" is too short to count
    expect(anyOfLiterals("x(?:foo|bar)?y")).toBeNull(); // optional group
    expect(anyOfLiterals("(?=foo|bar)\\w+")).toBeNull(); // lookahead
    expect(anyOfLiterals("a[|(]b|c")).toBeNull(); // "|" and "(" inside a class
    expect(anyOfLiterals("(unbalanced")).toBeNull();
  });

  it("covers every html, script and url pattern of the dataset without a single literal", () => {
    // Not needed for correctness (such a pattern would just run on every page), but pins the cost.
    for (const t of loadFingerprints().technologies)
      for (const p of [...t.html, ...t.scriptSrc, ...t.url])
        if (p.regex && !p.literal) expect(anyOfLiterals(p.source)).not.toBeNull();
  });
});
