// --proxy and the proxy environment apply to RDAP too (issue: "--proxy for every HTTP request,
// RDAP included"), and NO_PROXY bypasses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import { type FakeRdapServer, startFakeRdapServer } from "../helpers/fake-rdap-server.js";
import { startConnectProxy } from "../helpers/fake-web-server.js";
import { CLOSED_WHOIS } from "../helpers/offline-world.js";
import { runBin } from "../helpers/run-cli.js";

let dns: FakeDns;
let rdap: FakeRdapServer;
let proxy: Awaited<ReturnType<typeof startConnectProxy>>;

beforeAll(async () => {
  dns = await startFakeDns({ records: { "example.com": { NS: ["ns1.example.net"] } } });
  rdap = await startFakeRdapServer();
  proxy = await startConnectProxy();
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close(), proxy?.close()]);
});

const args = () => [
  "--passive",
  "--no-cache",
  "--json",
  "--resolver",
  dns.server,
  "--rdap-bootstrap",
  rdap.bootstrapUrl,
  "--whois-server",
  CLOSED_WHOIS,
  "example.com",
];
const rdapAuthority = () => new URL(rdap.url).host;

describe("proxies for RDAP", () => {
  it("--proxy carries the bootstrap, registry and registrar requests", async () => {
    proxy.connects.length = 0;
    const r = await runBin(["--proxy", proxy.url, ...args()]);
    const p = JSON.parse(r.stdout);
    expect(p.providers.registrar).not.toBeNull();
    expect(proxy.connects).toContain(rdapAuthority());
  });

  it("HTTP_PROXY from the environment is honoured", async () => {
    proxy.connects.length = 0;
    const r = await runBin(args(), { env: { HTTP_PROXY: proxy.url } });
    expect(JSON.parse(r.stdout).registration).not.toBeNull();
    expect(proxy.connects).toContain(rdapAuthority());
  });

  it("-v shows every RDAP request on stderr; without it, stderr stays quiet", async () => {
    const verbose = await runBin(["-v", ...args()]);
    expect(verbose.stderr).toMatch(
      /hostscan: debug: rdap GET http:\/\/127\.0\.0\.1:\d+\/bootstrap\/dns\.json 200/,
    );
    const plain = await runBin(args());
    expect(plain.stderr).toBe("");
  });

  it("NO_PROXY bypasses the proxy", async () => {
    proxy.connects.length = 0;
    const r = await runBin(args(), { env: { HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" } });
    expect(JSON.parse(r.stdout).registration).not.toBeNull();
    expect(proxy.connects).toEqual([]);
  });
});
