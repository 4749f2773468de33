// `hostscan diff` from the built binary over two scans of a local world (DNS, RDAP and HTTPS on
// 127.0.0.1): between the scans one site moves network, one changes registrar and one gets a
// certificate from another issuer; diff lists exactly those and exits 1, and exits 0 for two
// scans of an unchanged world.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiffRecord } from "../src/diff/types.js";
import { type FakeDns, type FakeRecords, startFakeDns } from "./helpers/fake-dns-server.js";
import {
  type FakeRdapServer,
  rdapFixture,
  startFakeRdapServer,
} from "./helpers/fake-rdap-server.js";
import { type FakeWebServer, startWebServer } from "./helpers/fake-web-server.js";
import { CLOSED_WHOIS } from "./helpers/offline-world.js";
import { runBin } from "./helpers/run-cli.js";

const SITES = ["steady.com", "moved.com", "sold.com", "cert.com"];

// Team Cymru's answers for the two networks (shape as in test/cli-full-profile.test.ts).
const CYMRU: FakeRecords = {
  "1.1.16.104.origin.asn.cymru.com": { TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]] },
  "AS13335.asn.cymru.com": {
    TXT: [["13335 | US | arin | 2010-07-14 | CLOUDFLARENET - Cloudflare, Inc., US"]],
  },
  "1.1.101.151.origin.asn.cymru.com": {
    TXT: [["54113 | 151.101.0.0/16 | US | arin | 2016-02-01"]],
  },
  "AS54113.asn.cymru.com": {
    TXT: [["54113 | US | arin | 2011-02-03 | FASTLY - Fastly, Inc., US"]],
  },
};

function zone(movedTo: string): FakeRecords {
  const records: FakeRecords = { ...CYMRU };
  for (const site of SITES) {
    records[site] = {
      A: [site === "moved.com" ? movedTo : "104.16.1.1"],
      NS: ["ns1.dnshost.example", "ns2.dnshost.example"],
      MX: [{ preference: 10, exchange: `mail.${site}` }],
    };
  }
  return records;
}

// A registry's RDAP answer with the registrar inline (shape from
// test/fixtures/rdap/verisign-domain-example.com.json, trimmed to what varies).
function registryDoc(site: string, registrar: [string, string]) {
  return {
    objectClassName: "domain",
    ldhName: site.toUpperCase(),
    status: ["client transfer prohibited"],
    entities: [
      {
        objectClassName: "entity",
        handle: registrar[1],
        roles: ["registrar"],
        publicIds: [{ type: "IANA Registrar ID", identifier: registrar[1] }],
        vcardArray: [
          "vcard",
          [
            ["version", {}, "text", "4.0"],
            ["fn", {}, "text", registrar[0]],
          ],
        ],
      },
    ],
    events: [
      { eventAction: "registration", eventDate: "2001-01-01T00:00:00Z" },
      { eventAction: "expiration", eventDate: "2031-01-01T00:00:00Z" },
    ],
    nameservers: [
      { objectClassName: "nameserver", ldhName: "NS1.DNSHOST.EXAMPLE" },
      { objectClassName: "nameserver", ldhName: "NS2.DNSHOST.EXAMPLE" },
    ],
  };
}

const MARKMONITOR: [string, string] = ["MarkMonitor Inc.", "292"];
const GANDI: [string, string] = ["Gandi SAS", "81"];

let dir: string;
let before: FakeDns;
let after: FakeDns;
let rdap: FakeRdapServer;
let web: FakeWebServer;
let otherCa: FakeWebServer;

const page = {
  "/": { headers: { "content-type": "text/html", server: "nginx" }, body: "<html>hi</html>" },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hostscan-diff-"));
  [before, after, rdap, web, otherCa] = await Promise.all([
    startFakeDns({ records: zone("104.16.1.1") }),
    startFakeDns({ records: zone("151.101.1.1") }),
    startFakeRdapServer(),
    startWebServer({ tls: "valid", routes: page }),
    startWebServer({ tls: "self-signed", routes: page }),
  ]);
  // Fastly's block straight from the fixture: the default RIPE → ARIN redirect stays on this
  // one server, where following it can wait out the per-request timeout under load.
  rdap.route("/ripe/ip/151.101.*", { body: rdapFixture("arin-ip-151.101.0.0.json", rdap.url) });
});

afterAll(async () => {
  await Promise.all([
    before?.close(),
    after?.close(),
    rdap?.close(),
    web?.close(),
    otherCa?.close(),
  ]);
  rmSync(dir, { recursive: true, force: true });
});

/** One scan of the world as it is: every site's HTTPS goes to a local server. */
async function scan(
  name: string,
  world: { dns: FakeDns; certServer: FakeWebServer; soldTo: [string, string] },
) {
  for (const site of SITES)
    rdap.route(`/verisign/com/v1/domain/${site}`, {
      body: registryDoc(site, site === "sold.com" ? world.soldTo : MARKMONITOR),
    });
  const connect = SITES.flatMap((site) => [
    "--connect-to",
    `${site}:443:127.0.0.1:${(site === "cert.com" ? world.certServer : web).port}`,
  ]);
  const r = await runBin([
    "--ndjson",
    "-q",
    "--no-cache",
    "-t",
    "2000",
    "--resolver",
    world.dns.server,
    "--rdap-bootstrap",
    rdap.bootstrapUrl,
    "--whois-server",
    CLOSED_WHOIS,
    ...connect,
    ...SITES,
  ]);
  const file = join(dir, name);
  writeFileSync(file, r.stdout);
  expect(r.stdout.trim().split("\n")).toHaveLength(SITES.length);
  return file;
}

const schema = JSON.parse(
  readFileSync(new URL("../schema/diff.schema.json", import.meta.url), "utf8"),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const summarise = (records: DiffRecord[]) =>
  records.flatMap((r) =>
    r.changes.map(
      (c) =>
        `${r.target} ${c.field} ${c.kind} ${c.old ?? ""}→${c.new ?? ""} +${c.added.join(";")} -${c.removed.join(";")}`,
    ),
  );

describe("hostscan diff over two scans of a local world (built binary)", () => {
  it("lists exactly what changed and exits 1; exits 0 when nothing did", async () => {
    const week1 = { dns: before, certServer: web, soldTo: MARKMONITOR };
    const first = await scan("week1.ndjson", week1);
    const again = await scan("week1-again.ndjson", week1);
    const second = await scan("week2.ndjson", { dns: after, certServer: otherCa, soldTo: GANDI });

    const same = await runBin(["diff", first, again]);
    expect(same.stderr).toBe("");
    expect(same.stdout).toBe("no changes (4 targets compared)\n");
    expect(same.code).toBe(0);

    const changed = await runBin(["diff", "--ndjson", first, second]);
    expect(changed.stderr).toBe("");
    expect(changed.code).toBe(1);
    const records = changed.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as DiffRecord);
    for (const r of records) expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    expect(records.map((r) => r.target)).toEqual(["moved.com", "sold.com", "cert.com"]);
    expect(summarise(records)).toEqual(EXPECTED);

    const table = await runBin(["diff", first, second]);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain(
      "registration.registrar: transferred MarkMonitor Inc. → Gandi SAS",
    );
    expect(table.stdout).toContain(
      "network: moved added AS54113 FASTLY - Fastly, Inc.; removed AS13335 CLOUDFLARENET - Cloudflare, Inc.",
    );
    expect(table.stdout).toContain("3 changed, 0 appeared, 0 disappeared (4 targets compared)");
  }, 60_000);
});

// Read off the world above: moved.com's address is now Fastly's (so are its CDN and host by
// address), sold.com's registrar is Gandi, cert.com serves the self-signed leaf.
const EXPECTED = [
  "moved.com providers.cdn replaced Cloudflare→Fastly + -",
  "moved.com providers.hosting replaced Cloudflare→Fastly + -",
  "moved.com network moved → +AS54113 FASTLY - Fastly, Inc. -AS13335 CLOUDFLARENET - Cloudflare, Inc.",
  "sold.com providers.registrar replaced MarkMonitor Inc.→Gandi SAS + -",
  "sold.com registration.registrar transferred MarkMonitor Inc.→Gandi SAS + -",
  "cert.com http.tls.issuer replaced Hostscan Test Trust / Hostscan Test Issuing CA 1→site.test + -",
];
