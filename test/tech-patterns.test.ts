import { describe, expect, it } from "vitest";
import { compilePattern, resolveVersion } from "../src/judge/fingerprints/pattern.js";
import { boundQuantifiers, requiredLiteral } from "../src/judge/fingerprints/regex-guard.js";

describe("fingerprint patterns", () => {
  it("splits the \\;version and \\;confidence tags off the regex", () => {
    const p = compilePattern("^WordPress(?: ([\\d.]+))?\\;version:\\1\\;confidence:50");
    expect(p).toMatchObject({
      version: "\\1",
      confidence: 50,
      source: "^WordPress(?: ([\\d.]+))?",
    });
    const m = p.regex?.exec("WordPress 6.6.2") as RegExpExecArray;
    expect(resolveVersion(p.version, m)).toBe("6.6.2");
  });

  it("resolves \\N?a:b ternaries and drops empty versions", () => {
    const m = /(beta)?x/.exec("x") as RegExpExecArray;
    expect(resolveVersion("\\1?next:stable", m)).toBe("stable");
    expect(resolveVersion("\\1", m)).toBeNull();
  });

  it("bounds unbounded quantifiers so no pattern scans a whole hostile page per start", () => {
    expect(boundQuantifiers("<link[^>]+s\\d+\\.wp\\.com", 500).source).toBe(
      "<link[^>]{1,500}s\\d{1,500}\\.wp\\.com",
    );
    expect(boundQuantifiers("a{2,}b*", 500).source).toBe("a{2,500}b{0,500}");
  });

  it("refuses nested quantifiers that can split text many ways, keeps delimited ones", () => {
    expect(boundQuantifiers("(a+)+$").nested).toBe(true);
    expect(boundQuantifiers("(\\w+\\s?)*x").nested).toBe(true);
    expect(boundQuantifiers("ver=(\\d+(?:\\.\\d+)+)").nested).toBe(false);
    expect(boundQuantifiers("((?:\\d+\\.)+\\d+)").nested).toBe(false);
    expect(compilePattern("(a+)+$")).toMatchObject({ regex: null, skipped: "nested-quantifier" });
  });

  it("narrows [^>] to [^<>] for html rules", () => {
    expect(compilePattern("<a [^>]+Powered by", { html: true }).regex?.source).toBe(
      "<a [^<>]{1,500}Powered by",
    );
  });

  it("finds the literal every match needs, or none under a top-level alternation", () => {
    expect(requiredLiteral("/wp-(?:content|includes)/")).toBe("/wp-");
    expect(requiredLiteral("cdn\\.shopify\\.com")).toBe("cdn.shopify.com");
    expect(requiredLiteral("jquery(?:-(\\d+))?\\.js")).toBe("jquery");
    expect(requiredLiteral("abcd?e")).toBe("abc");
    expect(requiredLiteral("foo|barbaz")).toBeNull();
  });

  it("compiles an invalid regex to null instead of throwing", () => {
    expect(compilePattern("(unclosed")).toMatchObject({ regex: null, skipped: "invalid" });
  });
});
