// `hostscan summary` from the built binary over generated lists: counts equal an independent
// `jq -r .providers.ROLE.name | sort | uniq -c`, the JSON matches its schema, the chart is SVG
// naming every role's top provider, the page fetches nothing, and bad lines are skipped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../src/profile/types.js";
import type { Summary } from "../src/summary/types.js";
import { runBin } from "./helpers/run-cli.js";
import { type FakeProfile, type FakeProvider, ndjson } from "./helpers/saved-profiles.js";

const HOSTILE = "Evil\u001b[31m <script>x</script> Net";
const FORMULA = '=HYPERLINK("http://x")';

// Each role's pool; a null slot leaves the role unknown. Catalogue ids group services.
const POOLS: Record<Role, (FakeProvider | null)[]> = {
  registrar: [
    { name: "MarkMonitor Inc.", email: "abusecomplaints@markmonitor.com" },
    { name: "GoDaddy.com, LLC", email: "abuse@godaddy.com" },
    { name: "Gandi SAS", email: "abuse@support.gandi.net" },
    { name: FORMULA },
    null,
  ],
  registry: [{ name: "VeriSign Global Registry Services" }, { name: "DENIC eG" }, null],
  dns: [
    { name: "Cloudflare", id: "cloudflare", email: "abuse@cloudflare.com" },
    { name: "Amazon Route 53", id: "aws-route53", email: "abuse@amazonaws.com" },
    null,
  ],
  cdn: [
    { name: "Cloudflare", id: "cloudflare", email: "abuse@cloudflare.com" },
    { name: "Fastly", id: "fastly", email: "abuse@fastly.com" },
    { name: "Amazon CloudFront", id: "amazon-cloudfront", email: "abuse@amazonaws.com" },
    null,
    null,
  ],
  hosting: [
    { name: "Cloudflare", id: "cloudflare", asn: 13335, email: "abuse@cloudflare.com" },
    { name: "Amazon Web Services", id: "aws", asn: 16509, email: "abuse@amazonaws.com" },
    { name: "Hetzner", id: "hetzner", asn: 24940, email: "abuse@hetzner.com" },
    { name: HOSTILE, asn: 64500, email: "abuse@evil.example" },
  ],
  email: [
    { name: "Google Workspace", id: "google-workspace" },
    { name: "Microsoft 365", id: "microsoft-365" },
    null,
  ],
  tls: [{ name: "Let's Encrypt" }, { name: "Google Trust Services" }, { name: "DigiCert" }, null],
  platform: [
    { name: "WordPress.com", id: "wordpress-com", url: "https://automattic.com/abuse/" },
    { name: "WordPress VIP", id: "wordpress-vip", url: "https://automattic.com/abuse/" },
    { name: "Shopify", id: "shopify", email: "abuse@shopify.com" },
    null,
    null,
  ],
};

// A small seeded generator (mulberry32), so a failure can be reproduced.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number, seed: number): FakeProfile[] {
  const next = random(seed);
  const confidences = ["high", "medium", "low"] as const;
  return Array.from({ length: n }, (_, i) => {
    const providers: FakeProfile["providers"] = {};
    for (const role of ROLES) {
      // Skewed: earlier pool entries are likelier, as on real lists.
      const pool = POOLS[role];
      const pick = pool[Math.floor(next() ** 1.7 * pool.length)] ?? null;
      if (pick) providers[role] = { ...pick, confidence: confidences[Math.floor(next() * 3)] };
    }
    const errors = next() < 0.05 ? [{ source: "http", code: "TIMEOUT" }] : [];
    if (errors.length) {
      delete providers.tls;
      delete providers.platform;
    }
    return { target: `site${i}.example`, providers, errors };
  });
}

/** `jq -r '.providers.ROLE.name' FILE | sort | uniq -c`, done the long way. */
function jqCounts(text: string, role: Role): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const name = JSON.parse(line).providers[role]?.name ?? "null";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The same count from the summary: each company's services by name, unknown + failed as null. */
function summaryCounts(s: Summary, role: Role): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of s.roles[role].providers)
    for (const svc of p.services) counts.set(svc.name, (counts.get(svc.name) ?? 0) + svc.sites);
  const none = s.roles[role].unknown + s.roles[role].failed;
  if (none) counts.set("null", none);
  return counts;
}

/** Every <text> element's content, entities decoded. */
function svgTexts(svg: string): Set<string> {
  const entities: Record<string, string> = {
    lt: "<",
    gt: ">",
    amp: "&",
    quot: '"',
    apos: "'",
    "#39": "'",
  };
  return new Set(
    [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      (m[1] ?? "").replace(/&(lt|gt|amp|quot|apos|#39);/g, (_, e: string) => entities[e] ?? ""),
    ),
  );
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

const schema = JSON.parse(
  readFileSync(new URL("../schema/summary.schema.json", import.meta.url), "utf8"),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

let dir: string;
let file: string;
let text: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hostscan-summary-"));
  file = join(dir, "week-49.ndjson");
  text = ndjson(generate(1200, 49));
  writeFileSync(file, text);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostscan summary (built binary)", () => {
  it("counts per role equal a jq | sort | uniq -c count of the same file, in a valid summary@1", async () => {
    const r = await runBin(["summary", "--json", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    expect(s).toMatchObject({
      schema: "hostscan/summary@1",
      title: "week-49.ndjson",
      sites: 1200,
      skipped: 0,
    });
    for (const role of ROLES) {
      expect(summaryCounts(s, role), role).toEqual(jqCounts(text, role));
      const r0 = s.roles[role];
      expect(r0.known + r0.unknown + r0.failed).toBe(1200);
    }
    // Automattic's two services under one company; the errors made tls and platform "failed".
    const automattic = s.roles.platform.providers.find((p) => p.id === "automattic");
    expect(automattic?.services.map((x) => x.name).sort()).toEqual([
      "WordPress VIP",
      "WordPress.com",
    ]);
    expect(s.roles.tls.failed).toBeGreaterThan(0);
    expect(s.writeTo[0]?.siteCount).toBeGreaterThan(100);
  });

  it("reads the same list from stdin as a JSON array", async () => {
    const array = `[\n${text.trim().split("\n").join(",\n")}\n]\n`;
    const r = await runBin(["summary", "--json", "-"], { stdin: array });
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.title).toBe("stdin");
    for (const role of ROLES) expect(summaryCounts(s, role)).toEqual(jqCounts(text, role));
  });

  it("prints a table with bars, escaped; CSV rows per role × provider add up, formulas escaped", async () => {
    const table = await runBin(["summary", file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("HOSTING");
    expect(table.stdout).toContain("█");
    expect(table.stdout).toContain("Evil\\x1b[31m");
    expect(table.stdout).not.toMatch(/[\u001b\u009b]/);

    const csv = await runBin(["summary", "-f", "csv", file]);
    const rows = parseCsv(csv.stdout).slice(1);
    for (const role of ROLES) {
      const sum = rows.filter((row) => row[0] === role).reduce((n, row) => n + Number(row[4]), 0);
      expect(sum, role).toBe(1200);
    }
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("--chart writes SVG naming every role's top provider; --html one page that fetches nothing", async () => {
    const svg = join(dir, "chart.svg");
    const html = join(dir, "chart.html");
    const vega = join(dir, "chart.vl.json");
    const r = await runBin([
      "summary",
      file,
      "--title",
      "Week <49>",
      "--chart",
      svg,
      "--html",
      html,
      "--vega",
      vega,
      "-q",
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse((await runBin(["summary", "--json", file])).stdout) as Summary;
    const picture = readFileSync(svg, "utf8");
    expect(XMLValidator.validate(picture)).toBe(true);
    expect(picture).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const texts = svgTexts(picture);
    for (const role of ROLES) {
      const top = s.roles[role].providers[0];
      if (top) expect(texts.has(top.name), `${role}: ${top.name}`).toBe(true);
    }
    expect(texts.has("Week <49>")).toBe(true);
    expect(texts.has("1,200 sites · 2026-12-01")).toBe(true);
    expect(picture).not.toContain("<script");

    const page = readFileSync(html, "utf8");
    expect(page).toContain(picture.slice(0, 200));
    expect(page).toContain('name="viewport"');
    expect(page).toContain("default-src 'none'");
    // Nothing that would load: no scripts, stylesheets, images or fonts (url(#clip) is in-page).
    expect(/<script|<link|<img|<iframe|@import|url\((?!#)/i.test(page)).toBe(false);
    expect(/\s(src|href)=/i.test(page)).toBe(false);
    expect(page).toContain("Evil\\x1b[31m &lt;script&gt;x&lt;/script&gt; Net");

    const spec = JSON.parse(readFileSync(vega, "utf8"));
    expect(spec.$schema).toContain("vega-lite/v6");
    expect(spec.vconcat).toHaveLength(ROLES.length);
  });

  it("reports malformed lines by number, skips them, counts the rest, exits 1", async () => {
    const lines = text.trim().split("\n");
    lines.splice(10, 0, '{"target": "cut short", "providers": {');
    lines.splice(20, 0, "not json at all");
    lines.splice(30, 0, '{"no": "target"}');
    const bad = join(dir, "bad.ndjson");
    writeFileSync(bad, `${lines.join("\n")}\n`);
    const r = await runBin(["summary", "--json", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      `hostscan: ${bad}:11: record cut short, skipped`,
      `hostscan: ${bad}:21: not valid JSON, skipped`,
      `hostscan: ${bad}:31: not a hostscan profile (no target or providers), skipped`,
    ]);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s).toMatchObject({ sites: 1200, skipped: 3 });
    for (const role of ROLES) expect(summaryCounts(s, role)).toEqual(jqCounts(text, role));
  });

  it("an unreadable file is trouble (exit 2); an unknown option too", async () => {
    const r = await runBin(["summary", join(dir, "missing.ndjson")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ENOENT");
    const u = await runBin(["summary", "-i", file]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("--scan");
  });
});
