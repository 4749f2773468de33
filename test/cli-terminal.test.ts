// The built binary under a pseudo-terminal at 80 and 120 columns, as a person meets it: the
// table fits, no escape code shows as text, every contact is whole, and the first screen names
// every role. Colour follows --color, NO_COLOR and FORCE_COLOR.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_LABELS } from "../src/format/role-words.js";
import { type Profile, ROLES } from "../src/profile/types.js";
import { type FakeDns, startFakeDns } from "./helpers/fake-dns-server.js";
import {
  type FakeRdapServer,
  rdapFixture,
  startFakeRdapServer,
} from "./helpers/fake-rdap-server.js";
import { type FakeWebServer, startWebServer } from "./helpers/fake-web-server.js";
import { localFlags } from "./helpers/offline-world.js";
import { runBin } from "./helpers/run-cli.js";
import { runPty, visibleLine } from "./helpers/run-pty.js";
import { testRootCa } from "./helpers/test-certs.js";

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
          "content-type": "text/html",
          // A stranger's header trying to paint the terminal.
          "x-powered-by": "PHP/8.3\u009b31m",
        },
        body: '<html><head><meta name="generator" content="WordPress 6.6.2"></head></html>',
      },
    },
  });
  dns = await startFakeDns({
    records: {
      "public.example": {
        A: ["104.16.1.1"],
        NS: ["kyle.ns.cloudflare.com", "uma.ns.cloudflare.com"],
        MX: [{ preference: 1, exchange: "aspmx.l.google.com" }],
        TXT: [["v=spf1 include:_spf.google.com ~all"]],
      },
      "1.1.16.104.origin.asn.cymru.com": {
        TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]],
      },
      "AS13335.asn.cymru.com": {
        TXT: [["13335 | US | arin | 2010-07-14 | CLOUDFLARENET - Cloudflare, Inc., US"]],
      },
    },
  });
  rdap = await startFakeRdapServer();
  // The .example registry answers with the shape of Verisign's record (the test certificate
  // names public.example, so the site is probed under that name).
  const base = rdap.bootstrapUrl.replace(/\/bootstrap\/$/, "");
  rdap.route("/bootstrap/dns.json", {
    body: {
      version: "1.0",
      publication: "2026-11-01T00:00:00Z",
      services: [[["example"], [`${base}/verisign/com/v1/`]]],
    },
  });
  rdap.route("/verisign/com/v1/domain/public.example", {
    body: rdapFixture("verisign-domain-example.com.json", base),
  });
  caFile = join(tmpdir(), `hostscan-pty-ca-${process.pid}.pem`);
  writeFileSync(caFile, testRootCa());
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close(), web?.close()]);
});

const flags = () => [
  ...localFlags({ dns: dns.server, rdapBootstrap: rdap.bootstrapUrl }),
  "--connect-to",
  `public.example:443:127.0.0.1:${web.port}`,
];
const env = () => ({ NODE_EXTRA_CA_CERTS: caFile });

function contactsOf(p: Profile): string[] {
  return ROLES.flatMap((r) => {
    const a = p.providers[r]?.abuse;
    return a ? [a.email, a.url, a.phone].filter((c): c is string => !!c) : [];
  });
}

// Each case starts the binary several times on a shared machine: allow for a slow one.
describe("under a pseudo-terminal", { timeout: 120_000 }, () => {
  for (const columns of [80, 120]) {
    it(`fits ${columns} columns, in colour, with every contact whole`, async () => {
      const json = await runBin([...flags(), "--json", "public.example"], { env: env() });
      const profile = JSON.parse(json.stdout) as Profile;
      if (process.env.SHOW)
        console.log(JSON.stringify(profile.sources), profile.durationMs, profile.errors);
      const contacts = contactsOf(profile);
      expect(contacts.length).toBeGreaterThan(2);

      const { code, screen } = await runPty([...flags(), "public.example"], {
        columns,
        env: env(),
      });
      if (process.env.SHOW) console.log(screen);
      expect(code).toBe(0);
      expect(screen).toMatch(/\u001b\[3\dm/); // colour is on for a person
      // The only escape sequences are colours and the progress line's erase, hostscan's own.
      expect(screen.replace(/\u001b\[[0-9;]*m|\u001b\[K/g, "")).not.toMatch(/[\u001b\u009b]/);
      const lines = screen.split("\n").map(visibleLine);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
      const shown = lines.join("\n");
      // Nothing a server sent paints the terminal or shows an escape code as text, except
      // the header that was escaped on purpose.
      expect(shown).not.toMatch(/\u001b/);
      expect(shown.replaceAll("PHP/8.3\\x9b31m", "")).not.toContain("\\x1b");
      for (const c of contacts)
        expect(
          lines.some((l) => l.includes(c)),
          c,
        ).toBe(true);

      const first = lines.slice(0, 25).join("\n");
      for (const role of ROLES) {
        const label = ROLE_LABELS[role].split(" ")[0] as string;
        expect(first).toContain(label);
        const prov = profile.providers[role];
        if (!prov) continue;
        expect(first).toContain(prov.name.split(" ")[0]);
        expect(first).toContain(prov.confidence);
        const contact = prov.abuse.email ?? prov.abuse.url ?? prov.abuse.phone;
        if (contact) expect(first).toContain(contact);
      }
    });
  }

  it("prints no colour on a terminal under NO_COLOR or --color never", async () => {
    const plain = await runPty([...flags(), "--passive", "public.example"], {
      columns: 80,
      env: { NO_COLOR: "1" },
    });
    expect(plain.screen).not.toMatch(/\u001b\[\d+m/);
    const never = await runPty([...flags(), "--passive", "--color", "never", "public.example"], {
      columns: 80,
    });
    expect(never.screen).not.toMatch(/\u001b\[\d+m/);
  });

  it("colours a pipe only with --color always or FORCE_COLOR", async () => {
    const piped = await runBin([...flags(), "--passive", "--color", "always", "public.example"]);
    expect(piped.stdout).toMatch(/\u001b\[\d+m/);
    const forced = await runBin([...flags(), "--passive", "public.example"], {
      env: { FORCE_COLOR: "1" },
    });
    expect(forced.stdout).toMatch(/\u001b\[\d+m/);
    const unforced = await runBin([...flags(), "--passive", "public.example"]);
    expect(unforced.stdout).not.toMatch(/\u001b/);
  });

  it("fits COLUMNS when piped, and 80 columns when the width is unknown", async () => {
    const wide = await runBin([...flags(), "--passive", "public.example"], {
      env: { COLUMNS: "132" },
    });
    const narrow = await runBin([...flags(), "--passive", "public.example"]);
    const longest = (t: string) => Math.max(...t.split("\n").map((l) => l.length));
    expect(longest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(longest(wide.stdout)).toBeGreaterThan(80);
    expect(longest(wide.stdout)).toBeLessThanOrEqual(132);
  });
});
