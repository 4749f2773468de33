// What hostscan parses from strangers, as fuzz targets: each takes text (or bytes), runs one
// parser, decoder or formatter, and says what is wrong with the result. The property tests in
// npm test run them with a fixed seed and a small budget; `npm run fuzz` runs long campaigns.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import dnsPacket from "dns-packet";
import fc from "fast-check";
import { matchHeaders } from "../src/catalogue/index.js";
import { parseAsName, parseOrigin } from "../src/clients/asn/cymru.js";
import { decodeMessage, encodeQuery } from "../src/clients/dns/message.js";
import { HostscanError } from "../src/clients/errors.js";
import { bodyText } from "../src/clients/probe/body.js";
import { parseSetCookies } from "../src/clients/probe/cookies.js";
import { parseX509Name } from "../src/clients/probe/x509-name.js";
import { decodeDomain } from "../src/clients/rdap/decode-domain.js";
import { decodeAutnum, decodeNetwork } from "../src/clients/rdap/decode-network.js";
import { parseBoundedJson } from "../src/clients/rdap/json-depth.js";
import { parseIanaTld, parseWhoisDomain } from "../src/clients/whois/parse.js";
import { formatters } from "../src/format/index.js";
import { safeJson, sanitize } from "../src/format/sanitize.js";
import type { FormatId } from "../src/format/types.js";
import { spfIncludes } from "../src/judge/detectors/email.js";
import type { Profile } from "../src/profile/types.js";
import { parseTarget } from "../src/scan/targets/normalize.js";
import { STACK_PROFILES } from "./stack-profiles.js";

/** One thing to fuzz: how to make inputs, where real ones are, and how to judge a run. */
export interface FuzzTarget<I extends string | Uint8Array = string | Uint8Array> {
  name: string;
  kind: I extends string ? "text" : "bytes";
  /** Generated inputs, shaped like what the parser expects. */
  arbitrary: fc.Arbitrary<I>;
  /** Real inputs (test fixtures) that mutation starts from. */
  seeds(): I[];
  /** Longest input mutation makes: the most hostscan lets reach this code (or a bit past it). */
  maxLength: number;
  /** Runs the parser; returns a problem with its output, or null. Throwing is a crash. */
  run(input: I): string | null;
}

// ---- where the fixtures are ----

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above the fuzz targets");
    dir = up;
  }
  return dir;
}

/** The fixture files under test/fixtures/<folder>, subfolders included (real answers). */
function fixtures(folder: string, ext: string): string[] {
  const dir = join(repoRoot(), "test", "fixtures", folder);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

// ---- generated text: printable ASCII, the characters parsers split on, and hostile ones ----

const structural = fc.constantFrom(..."@.:;,=|/\\-_ \t\n\r\"'<>[]{}()%#+*?&");
const hostile = fc.constantFrom(
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u061c",
  "\u200e",
  "\u2028",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\ud800",
  "é",
  "東",
  "😀",
);
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));

/** A character from the mixes above, mostly printable. */
export const char = fc.oneof(
  { weight: 6, arbitrary: printable },
  { weight: 3, arbitrary: structural },
  { weight: 1, arbitrary: hostile },
);

/** Text made of `char`, up to `maxLength` characters. */
export function text(maxLength = 200): fc.Arbitrary<string> {
  return fc.string({ unit: char, maxLength });
}

/** Lines of "key: value" with keys the parsers know, and noise. */
function keyedLines(keys: string[]): fc.Arbitrary<string> {
  const line = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), text(60)).map(([k, v]) => `${k}: ${v}`),
    text(80),
  );
  return fc.array(line, { maxLength: 30 }).map((lines) => lines.join("\n"));
}

// ---- checks shared by targets ----

const UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first string anywhere in `value` that holds a control character, or null. */
function controlIn(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return /[\u0000-\u001f\u007f-\u009f]/.test(value) ? value : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const v of Object.values(value)) {
    const found = controlIn(v, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function cleanOutput(what: string, value: unknown): string | null {
  const found = controlIn(value);
  return found === null ? null : `${what} holds a control character: ${JSON.stringify(found)}`;
}

// ---- the targets ----

const dnsMessage: FuzzTarget<Uint8Array> = {
  name: "dns-message",
  kind: "bytes",
  maxLength: 65_535,
  arbitrary: fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    // A real header with a question, then noise: gets past the first checks.
    fc
      .tuple(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 0, max: 65535 }))
      .map(([tail, id]) => Uint8Array.from([...encodeQuery(id, "example.org", "A"), ...tail])),
  ),
  seeds: () => {
    const answer = (type: string, data: unknown) => ({ type, name: "example.org", ttl: 60, data });
    const packets = [
      [answer("A", "192.0.2.1"), answer("AAAA", "2001:db8::1")],
      [answer("CNAME", "www.example.net"), answer("NS", "ns1.example.net")],
      [answer("MX", { preference: 10, exchange: "mx.example.net" })],
      [answer("TXT", ["v=spf1 include:_spf.example.net ~all"])],
      [answer("CAA", { flags: 0, tag: "issue", value: "letsencrypt.org" })],
      [
        answer("SOA", {
          mname: "ns1.example.net",
          rname: "hostmaster.example.net",
          serial: 1,
          refresh: 2,
          retry: 3,
          expire: 4,
          minimum: 5,
        }),
      ],
    ];
    return packets.map((answers, id) =>
      Uint8Array.from(
        dnsPacket.encode({
          id,
          type: "response",
          flags: dnsPacket.RECURSION_DESIRED,
          questions: [{ type: "A", name: "example.org" }],
          answers: answers as dnsPacket.Answer[],
        }),
      ),
    );
  },
  run(bytes) {
    try {
      return cleanOutput("decoded message", decodeMessage(bytes));
    } catch (err) {
      // Malformed is an answer (BAD_RESPONSE); any other error is a crash.
      if (err instanceof HostscanError && err.code === "BAD_RESPONSE") return null;
      throw err;
    }
  },
};

const RDAP_KEYS = [
  "objectClassName",
  "handle",
  "name",
  "entities",
  "roles",
  "vcardArray",
  "links",
  "rel",
  "href",
  "type",
  "events",
  "eventAction",
  "eventDate",
  "status",
  "nameservers",
  "ldhName",
  "secureDNS",
  "delegationSigned",
  "publicIds",
  "identifier",
  "remarks",
  "description",
  "startAddress",
  "endAddress",
  "cidr0_cidrs",
  "v4prefix",
  "length",
  "arin_originas0_originautnums",
  "country",
  "toString",
  "valueOf",
  "__proto__",
];

/** JSON shaped like RDAP: its member names, deep nesting, values of every type. */
const rdapJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text(40),
    fc.constantFrom("abuse", "registrar", "registrant", "related", "registration", "fn", "email"),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...RDAP_KEYS), tie("value"), { maxKeys: 6 }),
  ),
})).value;

function rdapTarget(name: string, decode: (body: unknown) => unknown): FuzzTarget<string> {
  return {
    name,
    kind: "text",
    // RDAP bodies may be 4 MiB; regex-linear.test.ts measures that size, campaigns go to 256 KiB.
    maxLength: 256 * 1024,
    arbitrary: fc.oneof(
      rdapJson.map((v) => JSON.stringify(v) ?? "null"),
      fc.integer({ min: 1, max: 5000 }).map((n) => `{"entities":${"[".repeat(n)}${"]".repeat(n)}}`),
    ),
    seeds: () =>
      fixtures("rdap", ".json").map((t) => t.replaceAll("{{BASE}}", "https://rdap.test")),
    run(json) {
      const parsed = parseBoundedJson(json);
      if (!parsed) return null; // not JSON: BAD_RESPONSE upstream
      const facts = decode(parsed.body);
      return cleanOutput(`${name} facts`, facts);
    },
  };
}

const WHOIS_KEYS = [
  "Domain Name",
  "Registrar",
  "Registrar IANA ID",
  "Registrar URL",
  "Registrar WHOIS Server",
  "Registrar Abuse Contact Email",
  "Registrar Abuse Contact Phone",
  "Creation Date",
  "Updated Date",
  "Registry Expiry Date",
  "Domain Status",
  "Status",
  "Name Server",
  "Nserver",
  "DNSSEC",
  "Registrant Organization",
  "Registrant Country",
  "whois",
  "refer",
  "organisation",
  "contact",
  "e-mail",
  "phone",
  "remarks",
];

function whoisTarget(name: string, parse: (text: string) => unknown): FuzzTarget<string> {
  return {
    name,
    kind: "text",
    maxLength: 256 * 1024, // the WHOIS answer cap
    arbitrary: fc.oneof(keyedLines(WHOIS_KEYS), text(400)),
    seeds: () => fixtures("whois", ".txt"),
    run: (t) => cleanOutput(`${name} facts`, parse(t)),
  };
}

const target: FuzzTarget<string> = {
  name: "target",
  kind: "text",
  maxLength: 16 * 1024, // past MAX_TARGET_LENGTH, to cross it
  arbitrary: fc.oneof(
    text(80),
    fc.webUrl().map((u) => u),
    fc.emailAddress(),
    fc.domain(),
  ),
  seeds: () => [
    "example.org",
    "https://WWW.Example.org/path?q=1#f",
    "abuse@example.org",
    "bücher.example",
    "foo.github.io.",
    "[2001:db8::1]:443",
    "http://192.0.2.1/",
  ],
  run(line) {
    const parsed = parseTarget(line);
    if (!parsed.ok) return null;
    const { host, domain } = parsed.target;
    if (host.length > 253 || !/^[a-z0-9._-]+$/.test(host))
      return `bad host ${JSON.stringify(host)}`;
    if (domain && !(host === domain || host.endsWith(`.${domain}`)))
      return `domain ${domain} not in ${host}`;
    return null;
  },
};

const cookies: FuzzTarget<string> = {
  name: "cookies",
  kind: "text",
  maxLength: 16 * 1024, // undici's cap on all headers
  arbitrary: fc.array(text(120), { maxLength: 8 }).map((lines) => lines.join("\n")),
  seeds: () => ["session=abc; Path=/; HttpOnly\n__cf_bm=x; Secure", "a=b\n=c\nd\n__proto__=1"],
  run(lines) {
    const values = lines.split("\n");
    const jar = parseSetCookies(values);
    const names = Object.keys(jar);
    if (names.length > 100) return `${names.length} cookies`;
    // Every well-formed name is kept, whatever it is ("__proto__", "constructor").
    for (const line of values.slice(0, 100)) {
      const name = (line.split(";", 1)[0] ?? "").split("=", 1)[0]?.trim().slice(0, 256) ?? "";
      if (line.split(";", 1)[0]?.includes("=") && name && !Object.hasOwn(jar, name)) {
        return `cookie ${JSON.stringify(name)} lost`;
      }
    }
    for (const [k, v] of Object.entries(jar)) {
      if (k.length === 0 || k.length > 256 || typeof v !== "string" || v.length > 4096) {
        return `bad cookie ${JSON.stringify(k)}`;
      }
    }
    return null;
  },
};

/** "name: value" lines into a header record (lower-cased names), as fetch-once builds it. */
function headerRecord(lines: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const line of lines.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

const headers: FuzzTarget<string> = {
  name: "headers",
  kind: "text",
  maxLength: 16 * 1024, // undici's cap on all headers
  arbitrary: keyedLines([
    "server",
    "via",
    "x-cache",
    "cf-ray",
    "x-id",
    "server-timing",
    "content-type",
    "x-powered-by",
  ]),
  seeds: () => [
    "server: cloudflare\ncf-ray: 8c1f2b3a4d5e6f70-FRA\ncontent-type: text/html; charset=utf-8",
    "via: 1.1 varnish, 1.1 vegur\nx-cache: Hit from cloudfront\nserver-timing: a8c-cdn, dc;desc=ams",
  ],
  run(lines) {
    const record = headerRecord(lines);
    const hits = matchHeaders(record);
    bodyText(Buffer.from(lines.slice(0, 2048)), record["content-type"]);
    // The same text as the TXT strings of one answer (a few) and a certificate's names.
    const strings = lines.split("\n", 20);
    spfIncludes(strings);
    parseOrigin(strings);
    parseAsName(strings);
    parseX509Name(lines.slice(0, 4096));
    return hits.every((h) => record[h.header] === h.value) ? null : "a hit names another value";
  },
};

const sanitizer: FuzzTarget<string> = {
  name: "sanitize",
  kind: "text",
  maxLength: 16 * 1024, // the longest value a profile prints is a header value
  arbitrary: text(300),
  seeds: () => ["plain", "a\u001b[2Jb\u009bc\u202ed", "\u2028\u2029\u061c"],
  run(t) {
    const out = sanitize(t);
    if (UNSAFE.test(out) || out.includes("\n")) return `sanitize left ${JSON.stringify(out)}`;
    const json = safeJson({ t });
    if (UNSAFE.test(json) || (JSON.parse(json) as { t: string }).t !== t) {
      return `safeJson changed or left ${JSON.stringify(json)}`;
    }
    return null;
  },
};

/** Every string of a profile replaced by the hostile text (keys kept). */
function withText(value: unknown, t: string, depth = 0): unknown {
  if (typeof value === "string") return t;
  if (depth > 12 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => withText(v, t, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withText(v, t, depth + 1)]));
}

/** Output with a control character other than the line ends each format writes. */
function controlInOutput(format: FormatId, out: string): string | null {
  const stripped = format === "csv" ? out.replaceAll("\r\n", "") : out;
  const m = UNSAFE.exec(stripped.replaceAll("\n", ""));
  return m ? `${format} printed ${JSON.stringify(m[0])}` : null;
}

const formatterTarget: FuzzTarget<string> = {
  name: "formatters",
  kind: "text",
  // Decoders cut registry values at 300 characters; every string of three profiles is this text.
  maxLength: 300,
  arbitrary: text(60),
  seeds: () => ["Example Registrar", "=cmd|' /C calc'!A0", "\u001b]8;;http://evil\u0007x"],
  run(t) {
    const profiles = STACK_PROFILES.slice(0, 2).map((p) => withText(p, t) as Profile);
    // Every format over both profiles, and the table's one-target view: five renders, each a
    // separate call the time limit is meant for, of profiles whose every string is hostile.
    for (const format of Object.keys(formatters) as FormatId[]) {
      const lists = format === "table" ? [profiles.slice(0, 1), profiles] : [profiles];
      for (const list of lists) {
        const out = formatters[format]({
          color: false,
          width: 100,
          fullEvidence: true,
          list: true,
        });
        const text = list.map((p) => out.push(p)).join("") + out.end();
        const problem = controlInOutput(format, text);
        if (problem) return problem;
      }
    }
    return null;
  },
};

/** Every fuzz target, by name. */
export const FUZZ_TARGETS: FuzzTarget[] = [
  dnsMessage as FuzzTarget,
  rdapTarget("rdap-domain", decodeDomain) as FuzzTarget,
  rdapTarget("rdap-network", (b) => [decodeNetwork(b), decodeAutnum(b)]) as FuzzTarget,
  whoisTarget("whois-domain", parseWhoisDomain) as FuzzTarget,
  whoisTarget("whois-iana", parseIanaTld) as FuzzTarget,
  target as FuzzTarget,
  cookies as FuzzTarget,
  headers as FuzzTarget,
  sanitizer as FuzzTarget,
  formatterTarget as FuzzTarget,
];
