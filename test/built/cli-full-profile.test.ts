// The whole pipeline through the built binary: local DNS, RDAP and HTTPS servers stand in for
// a Cloudflare-fronted, self-hosted WordPress site on a .com with Google mail.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import {
  type FakeRdapServer,
  rdapFixture,
  startFakeRdapServer,
} from "../helpers/fake-rdap-server.js";
import { type FakeWebServer, startWebServer } from "../helpers/fake-web-server.js";
import { runBin } from "../helpers/run-cli.js";
import { testRootCa } from "../helpers/test-certs.js";

const PAGE = `<!doctype html><html><head>
<meta name="generator" content="WordPress 6.6.2">
<link rel="stylesheet" href="/wp-content/themes/twentytwentyfour/style.css?ver=6.6.2">
<script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js"></script>
</head><body class="home">Hello</body></html>`;

let dns: FakeDns;
let rdap: FakeRdapServer;
let web: FakeWebServer;
let caFile: string;

beforeAll(async () => {
  web = await startWebServer({
    tls: "valid",
    routes: {
      "/": {
        headers: {
          server: "cloudflare",
          "cf-ray": "8a1b2c3d4e5f6789-FRA",
          "cf-cache-status": "DYNAMIC",
          "content-type": "text/html; charset=UTF-8",
          "x-evil": "a\u009b31mred",
        },
        body: PAGE,
      },
      // A Location into another site, which sends somebody else's CDN headers.
      "/moved": {
        status: 302,
        headers: { location: "https://shop.other-site.example/", server: "nginx" },
        body: "",
      },
    },
  });
  dns = await startFakeDns({
    records: {
      "example.com": {
        A: ["104.16.1.1"],
        NS: ["kyle.ns.cloudflare.com", "uma.ns.cloudflare.com"],
        MX: [{ preference: 1, exchange: "aspmx.l.google.com" }],
        TXT: [["v=spf1 include:_spf.google.com ~all"]],
        SOA: [{ mname: "kyle.ns.cloudflare.com", rname: "dns.cloudflare.com", serial: 2 }],
      },
      "1.1.16.104.origin.asn.cymru.com": {
        TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]],
      },
      // A university network: no catalogue entry, so the RIR's own data names it.
      "uni.example.com": { A: ["130.59.31.80"] },
      "80.31.59.130.origin.asn.cymru.com": {
        TXT: [["559 | 130.59.0.0/16 | CH | ripencc | 1989-04-11"]],
      },
      "AS559.asn.cymru.com": {
        TXT: [
          ["559 | CH | ripencc | 1990-06-01 | SWITCH Peering requests: <peering@switch.ch>, CH"],
        ],
      },
      "AS13335.asn.cymru.com": {
        TXT: [["13335 | US | arin | 2010-07-14 | CLOUDFLARENET - Cloudflare, Inc., US"]],
      },
    },
  });
  rdap = await startFakeRdapServer();
  // The registry delegates example.com to the Cloudflare nameservers the zone itself lists.
  const registry = rdapFixture("verisign-domain-example.com.json", rdap.url) as {
    nameservers: { objectClassName: string; ldhName: string }[];
  };
  registry.nameservers = ["KYLE.NS.CLOUDFLARE.COM", "UMA.NS.CLOUDFLARE.COM"].map((ldhName) => ({
    objectClassName: "nameserver",
    ldhName,
  }));
  rdap.route("/verisign/com/v1/domain/example.com", { body: registry });
  caFile = join(tmpdir(), `hostscan-test-ca-${process.pid}.pem`);
  writeFileSync(caFile, testRootCa());
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close(), web?.close()]);
});

const flags = () => [
  "--no-cache",
  "--resolver",
  dns.server,
  "--rdap-bootstrap",
  rdap.bootstrapUrl,
  "--whois-server",
  "127.0.0.1:9",
  "--connect-to",
  `public.example:443:127.0.0.1:${web.port}`,
  "-t",
  "2000",
];

describe("a full profile from local servers", () => {
  it("names every provider the evidence supports, with abuse contacts", async () => {
    // public.example is on the test certificate; point the registrable-domain data at example.com.
    const r = await runBin([...flags(), "--passive", "--json", "example.com"], {
      env: { NODE_EXTRA_CA_CERTS: caFile },
    });
    const p = JSON.parse(r.stdout);
    expect(p.registration).toMatchObject({ source: "rdap" });
    expect(p.providers.registrar).toMatchObject({ confidence: "high" });
    expect(p.providers.registrar.abuse.email).toBe("abusecomplaints@markmonitor.com");
    expect(p.network[0]).toMatchObject({ ip: "104.16.1.1", asn: 13335 });
    expect(p.providers.dns).toMatchObject({ name: "Cloudflare" });
    expect(p.providers.email).toMatchObject({ name: "Google Workspace" });
    expect(p.providers.hosting).toMatchObject({ asn: 13335 });
    // Each contact says where it comes from: the registry's and the registrar's RDAP answers
    // (the fake serves both), the catalogue.
    expect(p.providers.registrar.abuseSource).toEqual({
      kind: "registrar-rdap",
      servers: [
        expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      ],
    });
    expect(p.providers.dns.abuseSource).toEqual({
      kind: "catalogue",
      url: "https://www.cloudflare.com/trust-hub/reporting-abuse/",
    });
    expect(r.code).toBe(0);
  });

  it("an uncatalogued network is named from RIPE's data, with its abuse-c and where it came from", async () => {
    const r = await runBin([...flags(), "--passive", "--json", "uni.example.com"]);
    const p = JSON.parse(r.stdout);
    if (process.env.SHOW) console.log(r.stdout, r.stderr);
    expect(p.network[0]).toMatchObject({ ip: "130.59.31.80", asn: 559 });
    expect(p.providers.hosting).toMatchObject({
      asn: 559,
      confidence: "medium",
      abuse: { email: "abuse@switch.ch" },
      abuseSource: { kind: "network-rdap", address: "130.59.31.80" },
    });
    expect(p.providers.cdn).toBeNull();
  });

  it("probes the site behind --connect-to and attributes CDN, CA and self-hosted platform", async () => {
    const r = await runBin([...flags(), "--json", "https://public.example/"], {
      env: { NODE_EXTRA_CA_CERTS: caFile },
    });
    const p = JSON.parse(r.stdout);
    if (process.env.SHOW) console.log(r.stdout, r.stderr);
    expect(p.http).toMatchObject({ status: 200, finalUrl: "https://public.example/" });
    expect(p.http.tls).toMatchObject({ trusted: true });
    expect(p.technologies.map((t: { name: string }) => t.name)).toContain("WordPress");
    expect(p.providers.cdn).toMatchObject({ name: "Cloudflare" });
    expect(p.providers.cdn.evidence.join(" ")).toContain("cf-ray");
    expect(p.providers.platform).toMatchObject({ name: "WordPress", note: "self-hosted" });
    expect(p.providers.platform.abuse).toEqual({ email: null, url: null, phone: null });
    // A CDN-hosted jQuery is not the site's CDN or platform.
    const jquery = p.technologies.find((t: { name: string }) => t.name === "jQuery");
    if (jquery) expect(jquery.thirdParty).toBe(true);
  });

  it("does not follow a redirect to another site: the profile is this site's own", async () => {
    const before = web.requests.length;
    const r = await runBin([...flags(), "--json", "https://public.example/moved"], {
      env: { NODE_EXTRA_CA_CERTS: caFile },
    });
    const p = JSON.parse(r.stdout);
    expect(p.http).toMatchObject({
      status: 302,
      finalUrl: "https://public.example/moved",
      offsiteRedirect: "https://shop.other-site.example/",
    });
    expect(p.http.headers.server).toBe("nginx");
    expect(web.requests.length - before).toBe(1);
    expect(p.providers.cdn).toBeNull();
  });

  it("escapes a hostile header in the table", async () => {
    const r = await runBin([...flags(), "https://public.example/"], {
      env: { NODE_EXTRA_CA_CERTS: caFile },
    });
    if (process.env.SHOW) console.log(r.stdout, r.stderr);
    expect(r.stdout).toContain("Cloudflare");
    expect(r.stdout).not.toMatch(/[\u001b\u009b]/);
  });
});
