// `hostscan summary --scan`: the targets are scanned first (any scan option passes through),
// then summarised, all against local servers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Summary } from "../src/summary/types.js";
import { type FakeDns, startFakeDns } from "./helpers/fake-dns-server.js";
import { CLOSED_WHOIS, type OfflineRdap, startEmptyBootstrap } from "./helpers/offline-world.js";
import { runMain } from "./helpers/run-cli.js";

let dns: FakeDns;
let rdap: OfflineRdap;

const cloudflareNs = { NS: ["kyle.ns.cloudflare.com", "uma.ns.cloudflare.com"] };

beforeAll(async () => {
  [dns, rdap] = await Promise.all([
    startFakeDns({
      records: {
        "one.com": cloudflareNs,
        "two.com": cloudflareNs,
        "three.com": { NS: ["ns-1.awsdns-01.org", "ns-2.awsdns-02.net"] },
      },
    }),
    startEmptyBootstrap(),
  ]);
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close()]);
});

describe("hostscan summary --scan", () => {
  it("scans arguments and -i - with the scan options given, then summarises", async () => {
    const r = await runMain(
      [
        "summary",
        "--scan",
        "--json",
        "--passive",
        "--no-cache",
        "--resolver",
        dns.server,
        "--rdap-bootstrap",
        rdap.url,
        "--whois-server",
        CLOSED_WHOIS,
        "-t",
        "1000",
        "one.com",
        "-i",
        "-",
      ],
      { stdin: "two.com\nthree.com\n" },
    );
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.sites).toBe(3);
    expect(s.roles.dns.providers.map((p) => `${p.name} ${p.sites}`)).toEqual([
      "Cloudflare 2",
      "Amazon Web Services 1",
    ]);
    // No registry answers here: registration failed for all three, and says so.
    expect(s.roles.registrar).toMatchObject({ known: 0, failed: 3 });
    expect(r.code).toBe(0);
  });

  it("a scan usage error is the summary's usage error", async () => {
    const r = await runMain(["summary", "--scan", "--concurrency", "zero", "one.com"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("concurrency");
  });
});
