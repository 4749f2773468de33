// Two runs over an unchanged world give the same JSON but for the time and the generator:
// records, addresses, networks and evidence come out in a stable order whatever order the DNS
// server answers in (resolvers rotate their answers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, type FakeRecords, startFakeDns } from "./helpers/fake-dns-server.js";
import { type FakeRdapServer, startFakeRdapServer } from "./helpers/fake-rdap-server.js";
import { localFlags } from "./helpers/offline-world.js";
import { runBin } from "./helpers/run-cli.js";

const CYMRU: FakeRecords = {
  "1.1.16.104.origin.asn.cymru.com": { TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]] },
  "2.2.16.104.origin.asn.cymru.com": { TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]] },
  "2.1.67.172.origin.asn.cymru.com": { TXT: [["13335 | 172.64.0.0/13 | US | arin | 2015-02-25"]] },
  "AS13335.asn.cymru.com": {
    TXT: [["13335 | US | arin | 2010-07-14 | CLOUDFLARENET - Cloudflare, Inc., US"]],
  },
};

// The zone's records; `reversed` answers every list in the opposite order.
function zone(reversed: boolean): FakeRecords {
  const order = <T>(list: T[]) => (reversed ? [...list].reverse() : list);
  return {
    ...CYMRU,
    "example.com": {
      A: order(["104.16.1.1", "172.67.1.2", "104.16.2.2"]),
      AAAA: order(["2606:4700::6810:101", "2606:4700::6810:202"]),
      NS: order(["kyle.ns.cloudflare.com", "uma.ns.cloudflare.com"]),
      MX: order([
        { preference: 10, exchange: "mx2.example.com" },
        { preference: 10, exchange: "mx1.example.com" },
      ]),
      TXT: order([["v=spf1 -all"], ["google-site-verification=abc"]]),
      CAA: order([
        { flags: 0, tag: "issue", value: "pki.goog" },
        { flags: 0, tag: "issue", value: "letsencrypt.org" },
      ]),
    },
  };
}

let forward: FakeDns;
let backward: FakeDns;
let rdap: FakeRdapServer;

beforeAll(async () => {
  [forward, backward, rdap] = await Promise.all([
    startFakeDns({ records: zone(false) }),
    startFakeDns({ records: zone(true) }),
    startFakeRdapServer(),
  ]);
});

afterAll(async () => {
  await Promise.all([forward?.close(), backward?.close(), rdap?.close()]);
});

// The JSON with what may differ between runs removed: times and the generator.
function comparable(stdout: string): unknown {
  return JSON.parse(stdout, (key, value) =>
    key === "scannedAt" || key === "durationMs" || key === "generator" ? undefined : value,
  );
}

const run = (dns: FakeDns) =>
  runBin([
    ...localFlags({ dns: dns.server, rdapBootstrap: rdap.bootstrapUrl }),
    "--passive",
    "--json",
    "example.com",
  ]);

describe("deterministic output", { timeout: 120_000 }, () => {
  it("gives byte-identical JSON for the same world answered in another order", async () => {
    const [a, b] = await Promise.all([run(forward), run(backward)]);
    const first = comparable(a.stdout) as { dns: { a: string[] } };
    expect(first.dns.a).toHaveLength(3);
    expect(JSON.stringify(comparable(b.stdout), null, 2)).toBe(JSON.stringify(first, null, 2));
  });
});
