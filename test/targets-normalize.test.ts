import { describe, expect, it } from "vitest";
import { MAX_TARGET_LENGTH, parseTarget } from "../src/scan/targets/normalize.js";

function host(input: string) {
  const r = parseTarget(input);
  if (!r.ok) throw new Error(`${input}: ${r.invalid.reason}`);
  return r.target;
}

describe("parseTarget", () => {
  it("normalises case, trailing dot and surrounding space", () => {
    expect(host("  WWW.Example.ORG. ")).toMatchObject({
      host: "www.example.org",
      domain: "example.org",
    });
  });

  it("takes the host of a URL and keeps the URL for the probe", () => {
    const t = host("https://WWW.Example.org/x?y=1");
    expect(t).toMatchObject({ host: "www.example.org", domain: "example.org" });
    expect(t.url).toBe("https://www.example.org/x?y=1");
    expect(t.input).toBe("https://WWW.Example.org/x?y=1");
  });

  it("takes the domain of an e-mail address", () => {
    expect(host("abuse@Example.org")).toMatchObject({ host: "example.org", domain: "example.org" });
  });

  it("turns Unicode names into punycode", () => {
    expect(host("Bücher.example")).toMatchObject({ host: "xn--bcher-kva.example" });
    expect(host("münchen.de").domain).toBe("xn--mnchen-3ya.de");
  });

  it("uses the ICANN section of the Public Suffix List for the registrable domain", () => {
    expect(host("foo.github.io").domain).toBe("github.io");
    expect(host("a.b.example.co.uk").domain).toBe("example.co.uk");
  });

  it("accepts host:port and host/path forms", () => {
    expect(host("example.org:8443").host).toBe("example.org");
    expect(host("example.org/path").host).toBe("example.org");
  });

  it.each([
    ["", "empty target"],
    ["   ", "empty target"],
    ["exa mple.org", "white space"],
    ["http://", "not a valid URL"],
    ["a..b.org", "empty label"],
    [`${"a".repeat(64)}.org`, "longer than 63"],
    [`${"abcdefghi.".repeat(26)}org`, "longer than 253"],
    ["192.0.2.1", "IP addresses"],
    ["[2001:db8::1]", "IP addresses"],
    ["https://192.0.2.1/", "IP addresses"],
    ["localhost", "fully qualified"],
    ["co.uk", "registrable domain"],
    ["exa$mple.org", "invalid character"],
  ])("rejects %j (%s)", (input, reason) => {
    const r = parseTarget(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.invalid.reason).toContain(reason);
  });
});

describe("input lines of any length", () => {
  it("refuses a line longer than MAX_TARGET_LENGTH before parsing it", () => {
    const line = `https://${"a".repeat(MAX_TARGET_LENGTH)}.example/`;
    const parsed = parseTarget(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.invalid.reason).toBe(`longer than ${MAX_TARGET_LENGTH} characters`);
    expect(parseTarget(`https://www.example.org/${"p".repeat(4000)}`).ok).toBe(true);
  });
});
