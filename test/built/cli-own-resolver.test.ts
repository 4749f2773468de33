// Regression: RDAP and WHOIS servers named by host name are found through hostscan's own DNS
// client (--resolver), never the operating system's resolver — and the .de WHOIS path works
// end to end from the binary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import { type FakeRdapServer, startFakeRdapServer } from "../helpers/fake-rdap-server.js";
import {
  type FakeWhoisServer,
  startFakeWhoisServer,
  whoisFixture,
} from "../helpers/fake-whois-server.js";
import { runBin } from "../helpers/run-cli.js";

let dns: FakeDns;
let rdap: FakeRdapServer;
let whois: FakeWhoisServer;

beforeAll(async () => {
  rdap = await startFakeRdapServer();
  whois = await startFakeWhoisServer();
  // The IANA server refers .de to "whois.denic.test:PORT", a name only our DNS server knows.
  const denic = `whois.denic.test:${whois.port}`;
  whois.answer("de", whoisFixture("iana-de.txt", { DE_SERVER: denic }));
  whois.answer("beispiel.de", whoisFixture("denic-example.de.txt"));
  dns = await startFakeDns({
    records: {
      "rdap.bootstrap.test": { A: ["127.0.0.1"] },
      "whois.iana.test": { A: ["127.0.0.1"] },
      "whois.denic.test": { A: ["127.0.0.1"] },
      "beispiel.de": { NS: ["ns1.beispiel.de"] },
    },
  });
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close(), whois?.close()]);
});

describe("registration servers found through our own resolver", () => {
  it("fetches the bootstrap and asks WHOIS by names only --resolver knows", async () => {
    const bootstrap = rdap.bootstrapUrl.replace("127.0.0.1", "rdap.bootstrap.test");
    const r = await runBin([
      "--passive",
      "--no-cache",
      "--json",
      "-t",
      "2000",
      "--resolver",
      dns.server,
      "--rdap-bootstrap",
      bootstrap,
      "--whois-server",
      `whois.iana.test:${whois.port}`,
      "beispiel.de",
    ]);
    const p = JSON.parse(r.stdout);
    expect(rdap.requests).toContain("/bootstrap/dns.json");
    expect(whois.queries).toEqual(expect.arrayContaining(["de", "beispiel.de"]));
    expect(p.registration).toMatchObject({ source: "whois", status: ["connect"] });
    expect(p.registration.nameservers).toContain("ns1.beispiel.de");
    expect(p.providers.registry).toMatchObject({
      name: "DENIC eG",
      abuse: { email: "dbs@denic.de", url: "http://www.denic.de/" },
    });
    expect(p.errors.map((e: { code: string }) => e.code)).not.toContain("BOOTSTRAP_UNAVAILABLE");
    const asked = dns.queries.map((q) => q.name);
    expect(asked).toEqual(expect.arrayContaining(["rdap.bootstrap.test", "whois.iana.test"]));
  });
});
