// ccTLDs without RDAP, end to end through the built binary: a local IANA WHOIS server names a
// local registry WHOIS server for .jp, .br and .hk, which answers with real registry answers
// (test/fixtures/whois/registries/); the profile gets registrar (where the registry publishes
// one), dates and nameservers.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "./helpers/fake-dns-server.js";
import { type FakeWhoisServer, startFakeWhoisServer } from "./helpers/fake-whois-server.js";
import { type OfflineRdap, startEmptyBootstrap } from "./helpers/offline-world.js";
import { runBin } from "./helpers/run-cli.js";

const registryAnswer = (name: string) =>
  readFileSync(new URL(`./fixtures/whois/registries/${name}`, import.meta.url), "utf8");

/** whois.iana.org's answer for a TLD, naming `server` and the operator. */
const ianaAnswer = (tld: string, organisation: string, server: string) =>
  `% IANA WHOIS server\n\nrefer:        ${server}\n\ndomain:       ${tld.toUpperCase()}\n\norganisation: ${organisation}\n\nwhois:        ${server}\n\nstatus:       ACTIVE\n`;

let iana: FakeWhoisServer;
let registries: FakeWhoisServer;
let bootstrap: OfflineRdap;
let dns: FakeDns;

beforeAll(async () => {
  registries = await startFakeWhoisServer({
    "yahoo.co.jp": registryAnswer("jprs.yahoo.co.jp.txt"),
    "google.com.br": registryAnswer("registro-br.google.com.br.txt"),
    "sbc.org.hk": registryAnswer("hkirc.sbc.org.hk.txt"),
  });
  iana = await startFakeWhoisServer({
    jp: ianaAnswer("jp", "Japan Registry Services Co., Ltd.", registries.server),
    br: ianaAnswer("br", "Comite Gestor da Internet no Brasil", registries.server),
    hk: ianaAnswer("hk", "Hong Kong Internet Registration Corporation Ltd.", registries.server),
  });
  bootstrap = await startEmptyBootstrap();
  dns = await startFakeDns({ records: {} });
});

afterAll(async () => {
  await Promise.all([iana?.close(), registries?.close(), bootstrap?.close(), dns?.close()]);
});

async function profile(domain: string) {
  const r = await runBin([
    "--no-cache",
    "--passive",
    "--json",
    "--resolver",
    dns.server,
    "--rdap-bootstrap",
    bootstrap.url,
    "--whois-server",
    iana.server,
    "-t",
    "3000",
    domain,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("registration over WHOIS for ccTLDs without RDAP", () => {
  it(".jp (JPRS): dates in JST, the end of the period from [State], nameservers; no registrar published", async () => {
    const p = await profile("yahoo.co.jp");
    expect(p.registration).toMatchObject({
      source: "whois",
      registrar: null,
      registry: "Japan Registry Services Co., Ltd.",
      created: "2019-09-27T00:00:00.000Z",
      updated: "2024-09-30T16:00:44.000Z",
      expires: "2025-09-30T00:00:00.000Z",
      nameservers: ["ns01.yahoo.co.jp", "ns02.yahoo.co.jp", "ns11.yahoo.co.jp", "ns12.yahoo.co.jp"],
    });
  });

  it(".br (registro.br): yyyymmdd dates of the domain, not of its contacts", async () => {
    const p = await profile("google.com.br");
    expect(p.registration).toMatchObject({
      source: "whois",
      registrar: null,
      created: "1999-05-18T00:00:00.000Z",
      updated: "2019-04-17T00:00:00.000Z",
      expires: "2020-05-18T00:00:00.000Z",
      status: ["published"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
    });
  });

  it(".hk (HKIRC): the registrar, day-first dates, nameservers under their heading", async () => {
    const p = await profile("sbc.org.hk");
    expect(p.registration).toMatchObject({
      source: "whois",
      registrar: { name: "Hong Kong Domain Name Registration Company Limited" },
      created: "1998-07-14T00:00:00.000Z",
      expires: "2020-03-07T00:00:00.000Z",
      status: ["Active"],
      nameservers: ["ns19.odysseyhost.com", "ns20.odysseyhost.com"],
      dnssec: false,
    });
    expect(p.providers.registrar).toMatchObject({
      name: "Hong Kong Domain Name Registration Company Limited",
    });
    expect(registries.queries).toContain("sbc.org.hk");
  });
});
