// Every regex over text a stranger wrote runs in linear time (issue 17): each parser is fed
// worst-case inputs of the largest size its caps let through, and must not be much slower than
// on a benign input of the same size. Quadratic patterns at these sizes are thousands of times
// slower; linear code with a different constant is within a few times.
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../src/catalogue/data/index.js";
import { matchHeaders } from "../src/catalogue/index.js";
import { parseAsName, parseOrigin } from "../src/clients/asn/cymru.js";
import { bodyText } from "../src/clients/probe/body.js";
import { parseSetCookies } from "../src/clients/probe/cookies.js";
import { parseX509Name } from "../src/clients/probe/x509-name.js";
import { decodeDomain } from "../src/clients/rdap/decode-domain.js";
import { decodeNetwork } from "../src/clients/rdap/decode-network.js";
import { isRedacted, privacyService } from "../src/clients/rdap/redaction.js";
import {
  cleanEmail,
  cleanIanaId,
  cleanPhone,
  cleanText,
  cleanUrl,
} from "../src/clients/rdap/sanitize.js";
import { parseIanaTld, parseWhoisDomain } from "../src/clients/whois/parse.js";
import { safeJson, sanitize } from "../src/format/sanitize.js";
import { spfIncludes } from "../src/judge/detectors/email.js";
import { parseTarget } from "../src/scan/targets/normalize.js";
import { parseRegistryDate } from "../src/util/registry-date.js";
import { whoisFixture } from "./helpers/fake-whois-server.js";
import { fill, slowdowns } from "./helpers/linear-time.js";

/**
 * Most a worst case may cost against a benign input of the same size (or one plain pass over
 * it). Linear code doing real work per character (an escape per control character) stays
 * within a few dozen; the quadratic remark regex at 8 KiB is past a thousand, and no input
 * here is shorter.
 */
const MAX_SLOWDOWN = 100;

// The caps: RDAP bodies 4 MiB, WHOIS answers 256 KiB, header values a few KiB (16 KiB of
// headers in all), a remark line is cut at 8 KiB, registry values at a few hundred characters.
const RDAP_LINE = 8192;
const WHOIS = 256 * 1024;
const HEADER = 16 * 1024;

function expectLinear(
  fn: (input: string) => unknown,
  benign: string,
  worst: Record<string, string>,
  limit = MAX_SLOWDOWN,
): void {
  const ratios = slowdowns(fn, benign, worst);
  if (process.env.SHOW_SLOWDOWNS) console.log(ratios);
  const slow = Object.entries(ratios).filter(([, r]) => r >= limit);
  expect(Object.fromEntries(slow)).toEqual({});
}

describe("the measure itself", () => {
  it("catches the quadratic remark regex hostscan used to have", () => {
    const old = (line: string) => /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(line);
    const letters = fill("a", RDAP_LINE);
    const ratios = slowdowns(old, fill("hello world ", RDAP_LINE), { letters });
    expect(ratios.letters).toBeGreaterThan(MAX_SLOWDOWN * 5);
  });
});

describe("RDAP", () => {
  // A 4 MiB answer: 500 remark lines of 8 KiB, every one mentioning abuse.
  const remarks = (text: string) => {
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += RDAP_LINE) lines.push(text.slice(i, i + RDAP_LINE));
    const description = (k: number) => lines.slice(k * 50, k * 50 + 50);
    return decodeNetwork({
      remarks: Array.from({ length: 10 }, (_, k) => ({ description: description(k) })),
    });
  };
  const doc = (unit: string) => fill(fill(unit, RDAP_LINE, "abuse "), RDAP_LINE * 500);

  it("abuse addresses in remarks", () => {
    expectLinear(remarks, doc("reports by web form please "), {
      letters: doc("a"),
      "at signs": doc("a@"),
      dots: doc("a."),
      "dotted domains": doc("a@b.c."),
      "local parts": doc("+.-"),
      "no dot after @": doc("x@y-"),
    });
  });

  it("long values in every decoded member", () => {
    const domain = (value: string) =>
      decodeDomain({
        links: [{ rel: "related", type: value, href: value }],
        status: [value],
        nameservers: [{ ldhName: value }],
        events: [{ eventAction: "registration", eventDate: value }],
        entities: [
          {
            roles: ["registrar", "registrant"],
            publicIds: [{ type: value, identifier: value }],
            vcardArray: [
              "vcard",
              [
                ["fn", {}, "text", value],
                ["org", {}, "text", value],
                ["email", { type: value, pref: value }, "text", value],
                ["tel", { type: value }, "text", value],
                ["url", {}, "uri", value],
                ["adr", { cc: value }, "text", [value, value, value, value, value, value, value]],
              ],
            ],
          },
        ],
      });
    const size = 1 << 20;
    expectLinear(domain, fill("Example Registrar ", size), {
      spaces: fill(" ", size),
      controls: fill("\u0000\u001b", size),
      digits: fill("1 ", size, "+"),
      "at signs": fill("a@", size),
      "privacy words": fill("withheld for privacy ", size),
      dates: fill("2024-01-01T00:00:00+0000 ", size),
      "mailto dots": fill(".", size, "mailto:a@"),
    });
  });
});

describe("registry and network text", () => {
  const size = 1 << 20;
  const benign = fill("Example Registrar, Inc. ", size);
  const cases = {
    spaces: fill(" ", size, "a", "b"),
    controls: fill("\u0000\u009b\u202e", size),
    "phone digits": fill("1 ", size, "+", "x"),
    "phone extension": fill("1 x", size),
    "e-mail dots": fill(".", size, "a@b"),
    "e-mail at signs": fill("a@", size),
    "date offsets": fill("+0000 ", size),
    "url slashes": fill("/", size, "http:"),
    digits: fill("0", size),
  };
  it.each([
    ["cleanText", cleanText],
    ["cleanEmail", cleanEmail],
    ["cleanPhone", cleanPhone],
    ["cleanUrl", cleanUrl],
    ["parseRegistryDate", (v: string) => parseRegistryDate(v)],
    ["cleanIanaId", cleanIanaId],
  ] as const)("%s", (_name, fn) => {
    expectLinear(fn, benign, cases);
  });

  it.each([
    ["privacyService", privacyService],
    ["isRedacted", isRedacted],
  ] as const)("%s (on values cleanText bounded)", (_name, fn) => {
    const cap = 300;
    expectLinear(fn, fill("Example Corp ", cap), {
      services: fill("withheld for privacy", cap),
      dashes: fill("-", cap),
      "proxy words": fill("domains by proxy", cap),
    });
  });

  it("Team Cymru TXT answers (64 KiB)", () => {
    const txt = 64 * 1024;
    const fn = (t: string) => [parseOrigin([t]), parseAsName([t])];
    expectLinear(fn, fill("13335 | 104.16.0.0/13 | US | arin ", txt), {
      commas: fill(", ", txt),
      pipes: fill("|", txt),
      spaces: fill(" ", txt, "1"),
      "country-like": fill(",  A", txt),
    });
  });
});

describe("WHOIS (256 KiB answers)", () => {
  const benign = fill(whoisFixture("registrar-example.net.txt"), WHOIS);
  const worst = {
    "one line of spaces": fill(" ", WHOIS, "a"),
    "a status value of spaces": fill(" ", WHOIS, "Domain Status: a", "b"),
    "spaces before http": fill(" \t", WHOIS, "Status: x", "https:"),
    "key-like lines": fill("A(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((\n", WHOIS),
    colons: fill(":", WHOIS, "a"),
    "empty keys": fill("a:\n", WHOIS),
    "nameserver block": fill("    ns.example\n", WHOIS, "Name servers:\n"),
    "not-found words": fill("status:\n", WHOIS),
    "heading spaces": fill(" ", WHOIS, "", "name servers:"),
    comments: fill("% \n", WHOIS),
    throttle: fill("rate limi", WHOIS),
  };
  it("parseWhoisDomain", () => {
    expectLinear(parseWhoisDomain, benign, worst);
  });
  it("parseIanaTld", () => {
    expectLinear(parseIanaTld, fill(whoisFixture("iana-de.txt"), WHOIS), worst);
  });
});

describe("HTTP", () => {
  it("Set-Cookie values (100 values of 16 KiB)", () => {
    const size = 100 * HEADER;
    const fn = (text: string) =>
      parseSetCookies(
        Array.from({ length: 100 }, (_, i) => text.slice(i * HEADER, (i + 1) * HEADER)),
      );
    expectLinear(fn, fill("session=abc123; Path=/; HttpOnly ", size), {
      equals: fill("=", size),
      semicolons: fill(";", size),
      spaces: fill(fill(" ", HEADER, "a="), size),
    });
  });

  it("catalogue header patterns, on values up to the length they are tried on", () => {
    const size = 2048;
    const rules = CATALOGUE.flatMap((e) =>
      e.signals.flatMap((s) => (s.type === "header" ? s.values : [])),
    ).filter((r) => r.pattern !== undefined);
    const patterns = rules.map((r) => new RegExp(r.pattern as string, r.caseSensitive ? "" : "i"));
    // Every pattern on the same value: one slow pattern makes the whole sum slow.
    const all = (v: string) => patterns.map((re) => re.test(v));
    const units = ["a", "a-", "-gc00", ", ", " ", "0", "cache-", "(", ",a8c-cdn", "1.1 ", "aaa-"];
    // Each rule's own literal text repeated is its nearest miss.
    const own = rules.map((r) => (r.pattern as string).replace(/[\\^$()[\]{}|?*+.]/g, "") || "x");
    const worst = Object.fromEntries([...units, ...own].map((u) => [u, fill(u, size)]));
    expectLinear(all, fill("x", size), worst);
  });

  it("header values past that length are not tried at all", () => {
    const fn = (v: string) => matchHeaders({ server: v, "x-id": v, via: v, "server-timing": v });
    expectLinear(fn, fill("x", HEADER), {
      "server-like": fill("cloudflare", HEADER),
      dashes: fill("a-", HEADER),
      commas: fill(", ", HEADER),
    });
  });

  it("the charset of a Content-Type and a <meta>", () => {
    const fn = (v: string) => bodyText(Buffer.from(v.slice(0, 4096)), v);
    expectLinear(fn, fill("text/html ", HEADER), {
      charsets: fill("charset", HEADER),
      "charset equals": fill("charset= ", HEADER),
      metas: fill("<meta ", HEADER),
    });
  });

  it("certificate names", () => {
    const size = 16 * 1024;
    expectLinear(parseX509Name, fill("CN=example.org\n", size), {
      backslashes: fill("\\", size),
      "hex escapes": fill("\\4", size),
      equals: fill("=", size),
    });
  });
});

describe("targets, SPF and the terminal", () => {
  it("parseTarget (a 1 MiB input line)", () => {
    const size = 1 << 20;
    expectLinear(parseTarget, fill("p", size, "https://www.example.org/"), {
      letters: fill("a", size),
      "scheme-like": fill("a+", size, "", "://x"),
      labels: fill("a.", size),
      "at signs": fill("a@", size),
      colons: fill("a:", size),
      brackets: fill("[", size),
      "url path": fill("/", size, "http://a"),
    });
  });

  it("SPF includes (64 KiB of TXT)", () => {
    const size = 64 * 1024;
    const fn = (t: string) => spfIncludes([t]);
    expectLinear(fn, fill("ip4:192.0.2.1 ", size, "v=spf1 "), {
      includes: fill("include:", size, "v=spf1 "),
      spaces: fill(" ", size, "v=spf1", "x"),
      redirects: fill("redirect=", size, "v=spf1 "),
    });
  });

  it("sanitize and safeJson (256 KiB, far past any value a profile prints)", () => {
    const size = 256 * 1024;
    // Benign text with letters past Latin-1, as the bidi input has (V8 stores both two-byte).
    const worst = {
      controls: fill("\u001b[2J", size),
      bidi: fill("\u202e\u2066", size),
      "bidi between letters": fill("a\u202e", size),
      c1: fill("\u009b", size),
    };
    // Benign text with letters past Latin-1, as the bidi input has (V8 stores both two-byte).
    const benign = fill("plain text, Grüße, 東京 ", size);
    // An escaper writes up to six characters for each one it reads, where the benign text is
    // scanned natively: a few hundred times one pass is still linear; quadratic at 256 KiB is 10⁴ and more.
    expectLinear(sanitize, benign, worst, MAX_SLOWDOWN * 4);
    expectLinear((v) => safeJson({ v }), benign, worst, MAX_SLOWDOWN * 4);
  });
});
