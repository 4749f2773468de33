import { describe, expect, it } from "vitest";
import { csvCell, csvFormatter } from "../src/format/csv.js";
import { formatters } from "../src/format/index.js";
import { safeJson, sanitize } from "../src/format/sanitize.js";
import { abuseVia } from "../src/format/table-detail.js";
import { buildProfile, failedProfile, noProviders } from "../src/profile/build.js";
import type { Profile } from "../src/profile/types.js";
import { generatorInfo } from "../src/scan/generator.js";
import { emptyEvidence } from "../src/sources/evidence.js";

const timing = {
  scannedAt: "2026-11-26T10:00:00.000Z",
  durationMs: 12,
  generator: generatorInfo(),
};
const opts = { color: false, width: 120, fullEvidence: false, list: false };

function profile(host: string, patch: Partial<Profile> = {}): Profile {
  const ev = emptyEvidence({ input: host, host, domain: host, url: null });
  return { ...buildProfile(ev, noProviders(), timing), ...patch };
}

function render(format: keyof typeof formatters, profiles: Profile[]): string {
  const out = formatters[format]({ ...opts, list: profiles.length !== 1 });
  return profiles.map((p) => out.push(p)).join("") + out.end();
}

const hostile = profile("evil.example", {
  providers: {
    ...noProviders(),
    registrar: {
      name: "Evil\u001b[31mRegistrar\u009b2J\u202e",
      asn: null,
      confidence: "high",
      evidence: ["RDAP\u0007 bell"],
      abuse: { email: "=cmd|' /C calc'!A0", url: null, phone: null },
    },
  },
});

describe("sanitising", () => {
  it("escapes ESC, C1 and bidi controls visibly", () => {
    expect(sanitize("a\u001b[2Jb\u009bc\u202ed")).toBe("a\\x1b[2Jb\\x9bc\\u202ed");
  });

  it("escapes the whole Bidi_Control set: ALM, LRM and RLM too", () => {
    expect(sanitize("a\u061cb\u200ec\u200fd")).toBe("a\\u061cb\\u200ec\\u200fd");
    const text = safeJson({ v: "x\u061c\u200e\u200f" });
    expect(text).not.toMatch(/[\u061c\u200e\u200f]/);
    expect(JSON.parse(text)).toEqual({ v: "x\u061c\u200e\u200f" });
  });

  it("keeps JSON valid while escaping C1 and bidi characters", () => {
    const text = safeJson({ v: "x\u009by\u202ez\u001b" });
    expect(text).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(JSON.parse(text)).toEqual({ v: "x\u009by\u202ez\u001b" });
  });
});

describe("json and ndjson", () => {
  it("prints one object for one target and an array for several", () => {
    expect(JSON.parse(render("json", [profile("a.example")]))).toMatchObject({ host: "a.example" });
    const many = JSON.parse(
      render("json", [profile("a.example"), profile("b.example"), profile("c.example")]),
    );
    expect(many.map((p: Profile) => p.host)).toEqual(["a.example", "b.example", "c.example"]);
  });

  it("prints one object per line, always", () => {
    const lines = render("ndjson", [profile("a.example")])
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).schema).toBe("hostscan/profile@1");
  });

  it("keeps every contract field present on a failed target", () => {
    const p = failedProfile("bad target", { code: "INVALID_TARGET", message: "x" }, timing);
    const parsed = JSON.parse(render("json", [p]));
    expect(Object.keys(parsed)).toEqual([
      "schema",
      "target",
      "host",
      "domain",
      "scannedAt",
      "durationMs",
      "generator",
      "providers",
      "dns",
      "registration",
      "network",
      "http",
      "technologies",
      "errors",
      "sources",
    ]);
    expect(Object.values(parsed.providers)).toEqual(Array(8).fill(null));
    expect(parsed.dns).toEqual({
      a: [],
      aaaa: [],
      cname: [],
      ns: [],
      mx: [],
      txt: [],
      soa: null,
      caa: [],
    });
  });
});

describe("csv", () => {
  it("writes the contract's columns first, then every role's confidence and contact", () => {
    const text = render("csv", [
      profile("a.example", {
        errors: [
          { source: "dns", code: "TIMEOUT", message: "m" },
          { source: "dns", code: "TIMEOUT", message: "again" },
          { source: "rdap", code: "NOT_FOUND", message: "n" },
        ],
      }),
    ]);
    const [header, row] = text.split("\r\n");
    expect(header).toBe(
      "target,host,domain,registrar,registry,dns,cdn,hosting,hosting_asn,email,tls,platform,registrar_abuse,hosting_abuse,cdn_abuse,errors," +
        "registrar_confidence,registry_confidence,dns_confidence,cdn_confidence,hosting_confidence,email_confidence,tls_confidence,platform_confidence," +
        "registry_abuse,dns_abuse,email_abuse,tls_abuse,platform_abuse",
    );
    // Each error code once.
    expect(row).toBe(
      `a.example,a.example,a.example,,,,,,,,,,,,,TIMEOUT;NOT_FOUND${",".repeat(13)}`,
    );
  });

  it("fills each role's confidence and first contact", () => {
    const stack = profile("b.example", {
      providers: {
        ...noProviders(),
        tls: {
          name: "Let's Encrypt",
          asn: null,
          confidence: "medium",
          evidence: [],
          abuse: { email: null, url: "https://letsencrypt.org/abuse", phone: null },
        },
      },
    });
    const [header, row] = render("csv", [stack]).split("\r\n");
    const cells = Object.fromEntries(
      (header as string).split(",").map((h, i) => [h, (row as string).split(",")[i]]),
    );
    expect(cells.tls_confidence).toBe("medium");
    expect(cells.tls_abuse).toBe("https://letsencrypt.org/abuse");
    expect(cells.hosting_confidence).toBe("");
  });

  it("neutralises formula prefixes and quotes separators", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    const row = render("csv", [hostile]).split("\r\n")[1] as string;
    expect(row).toContain("'=cmd|' /C calc'!A0");
    expect(row).not.toMatch(/[\u001b\u009b]/);
  });

  it("prints only the header for no targets", () => {
    expect(csvFormatter(opts).end()).toMatch(/^target,host/);
  });
});

describe("table", () => {
  it("shows the providers table first for one target, with no raw control characters", () => {
    const text = render("table", [hostile]);
    expect(text.indexOf("Providers")).toBeLessThan(text.indexOf("DNS"));
    for (const section of ["Registration", "Network", "HTTP/TLS", "Technologies"]) {
      expect(text).toContain(section);
    }
    expect(text).toContain("Evil\\x1b[31mRegistrar");
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it("says where the site redirects off-site, and that it was not followed", () => {
    const p = profile("a.example", {
      http: {
        url: "https://a.example/",
        finalUrl: "https://a.example/",
        status: 302,
        redirects: [],
        headers: {},
        tls: null,
        offsiteRedirect: "https://b.example/\u001b[2J",
      },
    });
    expect(render("table", [p])).toMatch(
      /off-site\s+redirects to https:\/\/b\.example\/\\x1b\[2J \(not followed\)/,
    );
  });

  it("prints one block per target for several, then the legend", () => {
    const text = render("table", [profile("a.example"), profile("b.example")]);
    const blocks = text.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^a\.example\n/);
    expect(blocks[1]).toMatch(/^b\.example\n/);
    expect(blocks[2]).toMatch(/^Legend: /);
  });
});

describe("where a contact comes from, in the table", () => {
  it("words every kind of abuseSource the detectors write", () => {
    const url = "https://www.cloudflare.com/abuse/";
    expect(abuseVia({ kind: "catalogue", url })).toBe("(published by the provider)");
    expect(abuseVia({ kind: "catalogue", url, secondary: true })).toBe(
      "(published by the provider; found only in a copy)",
    );
    expect(abuseVia({ kind: "network-rdap", address: "192.0.2.1", holder: "X" })).toBe(
      "(from the network's RIR record)",
    );
    const via = { name: "Automattic", relation: "runs" } as const;
    expect(abuseVia({ kind: "catalogue", url, via })).toBe("(through Automattic, which runs it)");
    const owner = { name: "GoDaddy\x1b[31m", relation: "owns", source: url } as const;
    expect(abuseVia({ kind: "catalogue", url, via: owner })).toBe(
      "(through GoDaddy\\x1b[31m, which owns it)",
    );
    expect(abuseVia({ kind: "registrar-rdap", servers: ["rdap.verisign.com"] })).toBe(
      "(from RDAP registration data)",
    );
    expect(abuseVia({ kind: "registry-rdap", servers: ["rdap.nic.example"] })).toBe(
      "(from the registry's RDAP record)",
    );
    expect(abuseVia({ kind: "registrar-whois", servers: ["whois.example"] })).toBe(
      "(from WHOIS registration data)",
    );
    expect(abuseVia({ kind: "iana", tld: "de" })).toBe("(from IANA's root zone database)");
    expect(abuseVia(undefined)).toBeNull();
  });
});

describe("table errors", () => {
  it("escapes an error's code and source, not only its message", () => {
    const p = profile("a.example", {
      errors: [{ source: "dns\u001b[2J" as "dns", code: "X\u009b31m", message: "m\u0007" }],
    });
    const text = render("table", [p]);
    expect(text).toContain("X\\x9b31m dns\\x1b[2J: m\\x07");
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it("names a page cut at --max-body", () => {
    const http = {
      url: "https://a.example/",
      finalUrl: "https://a.example/",
      status: 200,
      redirects: [],
      headers: {},
      tls: null,
      truncated: true,
    };
    expect(render("table", [profile("a.example", { http })])).toMatch(
      /body +cut at --max-body \(only its start was read\)/,
    );
  });
});
