import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDiskCache } from "../src/clients/cache/disk-cache.js";
import { bootstrapCacheKey } from "../src/clients/rdap/bootstrap.js";
import {
  matchAsn,
  matchDomain,
  matchIp,
  parseBootstrap,
} from "../src/clients/rdap/bootstrap-registry.js";
import { RdapClient } from "../src/clients/rdap/rdap-client.js";
import { defaultOptions } from "../src/scan/options.js";
import { type FakeRdapServer, startFakeRdapServer } from "./helpers/fake-rdap-server.js";

const FILE = parseBootstrap({
  services: [
    [["com"], ["http://plain/com/", "https://secure/com/"]],
    [["example.com"], ["https://sub"]],
    [["151.0.0.0/8"], ["https://ripe/"]],
    [["151.101.0.0/16"], ["https://arin/"]],
    [["2a00::/12"], ["https://ripe6/"]],
    [["1-1876", "13335"], ["https://rir/"]],
    "garbage",
    [[42], "not a list"],
  ],
});

describe("bootstrap registry (RFC 9224)", () => {
  it("matches domain labels from the right, longest first, preferring https", () => {
    expect(FILE).not.toBeNull();
    if (!FILE) return;
    expect(matchDomain(FILE, "www.example.com")).toEqual(["https://sub/"]);
    expect(matchDomain(FILE, "other.COM.")).toEqual(["https://secure/com/", "http://plain/com/"]);
    expect(matchDomain(FILE, "example.de")).toEqual([]);
  });

  it("matches the longest IP prefix and AS ranges", () => {
    if (!FILE) return;
    expect(matchIp(FILE, "151.101.1.1")).toEqual(["https://arin/"]);
    expect(matchIp(FILE, "151.1.1.1")).toEqual(["https://ripe/"]);
    expect(matchIp(FILE, "2a04:4e42::396")).toEqual(["https://ripe6/"]);
    expect(matchIp(FILE, "not-an-ip")).toEqual([]);
    expect(matchAsn(FILE, 13335)).toEqual(["https://rir/"]);
    expect(matchAsn(FILE, 1000)).toEqual(["https://rir/"]);
    expect(matchAsn(FILE, 99999)).toEqual([]);
  });

  it("an empty services list is a valid file; a wrong shape is not", () => {
    expect(parseBootstrap({ services: [] })?.entries).toEqual([]);
    expect(parseBootstrap({ services: "x" })).toBeNull();
    expect(parseBootstrap("<html>")).toBeNull();
  });
});

describe("bootstrap loading", () => {
  let fake: FakeRdapServer | null = null;
  let client: RdapClient | null = null;
  afterEach(async () => {
    await client?.close();
    await fake?.close();
  });

  function make(base: string, cacheDir: string | null, logs: string[] = []) {
    client = new RdapClient(defaultOptions({ rdapBootstrap: base, cacheDir, timeoutMs: 1000 }), {
      cache: createDiskCache(cacheDir),
      log: (level, m) => logs.push(`${level}: ${m}`),
      now: () => Date.now(),
    });
    return client;
  }

  it("fetches once, writes the cache, and a second run reads the fresh copy", async () => {
    fake = await startFakeRdapServer();
    const dir = mkdtempSync(join(tmpdir(), "hostscan-boot-"));
    const first = make(fake.bootstrapUrl, dir);
    const [a, b] = await Promise.all([
      first.bootstrap.domain("example.com"),
      first.bootstrap.domain("x.net"),
    ]);
    expect(a.urls[0]).toBe(`${fake.url}/verisign/com/v1/`);
    expect(b.urls[0]).toBe(`${fake.url}/verisign/net/v1/`);
    expect(fake.count("/bootstrap/dns.json")).toBe(1);
    await first.close();
    const second = make(fake.bootstrapUrl, dir);
    expect((await second.bootstrap.domain("example.com")).error).toBeNull();
    expect(fake.count("/bootstrap/dns.json")).toBe(1);
  });

  it("the cache is keyed by the base URL: a fresh copy from another --rdap-bootstrap is not used", async () => {
    fake = await startFakeRdapServer();
    const dir = mkdtempSync(join(tmpdir(), "hostscan-boot-"));
    // A fresh copy cached for another base (say IANA's) must not stand in for this base.
    const other = "https://data.iana.org/rdap/";
    writeFileSync(
      join(dir, bootstrapCacheKey(other, "dns")),
      JSON.stringify({ services: [[["com"], ["https://elsewhere.example/com/"]]] }),
    );
    expect(bootstrapCacheKey(other, "dns")).not.toBe(bootstrapCacheKey(fake.bootstrapUrl, "dns"));
    expect(bootstrapCacheKey("http://a/rdap", "dns")).toBe(
      bootstrapCacheKey("http://a/rdap/", "dns"),
    );
    const c = make(fake.bootstrapUrl, dir);
    expect((await c.bootstrap.domain("example.com")).urls).toEqual([
      `${fake.url}/verisign/com/v1/`,
    ]);
    expect(fake.count("/bootstrap/dns.json")).toBe(1);
  });

  it("bootstrap not fetchable: a stale cached copy is used with a warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hostscan-boot-"));
    const path = join(dir, bootstrapCacheKey("http://127.0.0.1:9/", "dns"));
    writeFileSync(path, JSON.stringify({ services: [[["com"], ["https://cached.example/com/"]]] }));
    const old = new Date(Date.now() - 3 * 86_400_000);
    utimesSync(path, old, old);
    const logs: string[] = [];
    const c = make("http://127.0.0.1:9/", dir, logs);
    const m = await c.bootstrap.domain("example.com");
    expect(m).toEqual({ urls: ["https://cached.example/com/"], error: null });
    expect(logs.join("\n")).toMatch(/warn: .*stale cached copy/);
  });

  it("bootstrap not fetchable and no cache: built-in table plus BOOTSTRAP_UNAVAILABLE", async () => {
    const c = make("http://127.0.0.1:9/", null);
    const m = await c.bootstrap.domain("example.com");
    expect(m.urls).toEqual(["https://rdap.verisign.com/com/v1/"]);
    expect(m.error?.code).toBe("BOOTSTRAP_UNAVAILABLE");
    expect(m.error?.source).toBe("rdap");
    expect((await c.bootstrap.domain("example.de")).urls).toEqual([]);
  });
});
