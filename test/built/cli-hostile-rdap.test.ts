// Issue 17, end to end through the built binary: an RIR answer carrying a 3.9 MB remark (under
// the 4 MiB body cap) and values that cannot become strings. Before, hostscan printed nothing
// and was killed after 45 s despite -t 1500; now it answers within this test's timeout, with
// the rest of the profile and BAD_RESPONSE naming the ignored fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import {
  type FakeRdapServer,
  rdapFixture,
  startFakeRdapServer,
} from "../helpers/fake-rdap-server.js";
import { runBin } from "../helpers/run-cli.js";

// Converting this to a string throws (no callable toString/valueOf).
const UNPRINTABLE = { toString: 0, valueOf: 0 };

let dns: FakeDns;
let rdap: FakeRdapServer;

beforeAll(async () => {
  dns = await startFakeDns({
    records: {
      "example.com": { A: ["104.16.1.1"] },
      "1.1.16.104.origin.asn.cymru.com": {
        TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]],
      },
    },
  });
  rdap = await startFakeRdapServer();
  // ARIN's real answer for the block, plus the hostile members.
  const network = rdapFixture("arin-ip-104.16.0.0.json", rdap.url) as Record<string, unknown>;
  network.remarks = [{ description: [`abuse ${"a".repeat(3_900_000)}`] }];
  network.cidr0_cidrs = [{ v4prefix: "104.16.0.0", length: UNPRINTABLE }];
  rdap.route("/arin/registry/ip/104.*", { body: network });
  const domain = rdapFixture("verisign-domain-example.com.json", rdap.url) as Record<
    string,
    unknown
  >;
  domain.links = [{ rel: UNPRINTABLE, href: "https://x.example/" }, ...(domain.links as [])];
  rdap.route("/verisign/com/v1/domain/example.com", { body: domain });
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close()]);
});

describe("a hostile RDAP server", () => {
  it("a 4 MB remark and unprintable values: the profile comes back, the fields named", {
    timeout: 15_000,
  }, async () => {
    const r = await runBin([
      "--no-cache",
      "--resolver",
      dns.server,
      "--rdap-bootstrap",
      rdap.bootstrapUrl,
      "--whois-server",
      "127.0.0.1:9",
      "-t",
      "1500",
      "--passive",
      "--json",
      "example.com",
    ]);
    const p = JSON.parse(r.stdout);
    if (process.env.SHOW) console.log(JSON.stringify(p.sources), p.durationMs, p.errors);
    // The rest of the network answer is kept: the registrant, the abuse POC.
    expect(p.network[0]).toMatchObject({
      ip: "104.16.1.1",
      asn: 13335,
      org: "Cloudflare, Inc.",
      abuse: { email: "abuse@cloudflare.com" },
    });
    // The domain answer too, although one link could not be read.
    expect(p.registration).toMatchObject({ source: "rdap" });
    expect(p.providers.registrar.abuse.email).toBe("abusecomplaints@markmonitor.com");
    const codes = p.errors.map((e: { code: string }) => e.code);
    expect(codes).not.toContain("INTERNAL");
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: "rdap",
          code: "BAD_RESPONSE",
          message: expect.stringContaining("cidr0_cidrs[0].length is not a number"),
        }),
        expect.objectContaining({
          source: "rdap",
          code: "BAD_RESPONSE",
          message: expect.stringContaining("links[0].rel is not a string"),
        }),
      ]),
    );
    expect(r.code).toBe(0);
  });
});
