import { describe, expect, it } from "vitest";
import { PUBLISHED_RANGES } from "../src/catalogue/data/ranges.generated.js";
import { providerById } from "../src/catalogue/index.js";
import { mispDate, parsePublishedList } from "../src/catalogue/published-list.js";

describe("reading a provider's published address list", () => {
  it("reads plain lines (Cloudflare's ips-v4/ips-v6), skipping blanks and comments", () => {
    const text = "# Cloudflare\n173.245.48.0/20\n\n103.21.244.0/22\r\n2400:cb00::/32\n";
    expect(parsePublishedList(text, "lines")).toEqual([
      "103.21.244.0/22",
      "173.245.48.0/20",
      "2400:cb00::/32",
    ]);
  });

  it("reads Fastly's JSON and a MISP warninglist, normalising and de-duplicating", () => {
    const fastly = JSON.stringify({
      addresses: ["23.235.32.0/20", "23.235.32.0/20"],
      ipv6_addresses: ["2A04:4E40:0::/32"],
    });
    expect(parsePublishedList(fastly, "fastly")).toEqual(["23.235.32.0/20", "2a04:4e40::/32"]);
    const misp = JSON.stringify({ version: 20260811, list: ["104.16.0.0/13"] });
    expect(parsePublishedList(misp, "misp")).toEqual(["104.16.0.0/13"]);
    expect(mispDate(misp)).toBe("2026-08-11");
    expect(mispDate(JSON.stringify({ version: 7 }))).toBeNull();
  });

  it("refuses anything that is not a CIDR prefix, and an empty list", () => {
    expect(() => parsePublishedList("104.16.0.0/13\n<html>", "lines")).toThrow(/not a CIDR/);
    expect(() => parsePublishedList("104.16.0.0/33", "lines")).toThrow(/not a CIDR/);
    expect(() => parsePublishedList("{}", "fastly")).toThrow(/no prefixes/);
  });
});

describe("the generated ranges", () => {
  it("are what the catalogue uses for the CDNs that publish every edge address", () => {
    for (const id of ["cloudflare", "fastly"] as const) {
      const entry = providerById(id);
      const prefixes = entry?.signals.find((s) => s.type === "prefix");
      expect(prefixes?.values).toEqual([...PUBLISHED_RANGES[id].prefixes]);
      expect(prefixes?.source).toBe(PUBLISHED_RANGES[id].source);
      expect(entry?.completeRanges?.source).toBe(PUBLISHED_RANGES[id].source);
      expect(PUBLISHED_RANGES[id].retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
