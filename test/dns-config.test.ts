import { describe, expect, it } from "vitest";
import { parseResolvConf } from "../src/clients/dns/resolv-conf.js";
import { FALLBACK_SERVERS, resolverConfig } from "../src/clients/dns/resolver.js";
import { parseDnsServer } from "../src/clients/dns/server-address.js";

describe("resolv.conf", () => {
  it("reads nameservers (at most three) and timeout/attempts options", () => {
    const conf = parseResolvConf(
      [
        "# generated",
        "search example.org",
        "nameserver 10.0.0.53",
        "nameserver 2001:db8::53 ; comment",
        "nameserver not-an-ip",
        "nameserver 10.0.0.54",
        "nameserver 10.0.0.55",
        "options ndots:2 timeout:1 attempts:3 rotate",
      ].join("\n"),
    );
    expect(conf.servers).toEqual([
      { host: "10.0.0.53", port: 53 },
      { host: "2001:db8::53", port: 53 },
      { host: "10.0.0.54", port: 53 },
    ]);
    expect(conf.timeoutMs).toBe(1000);
    expect(conf.attempts).toBe(3);
  });

  it("caps silly option values", () => {
    const conf = parseResolvConf("options timeout:9999 attempts:0");
    expect(conf.timeoutMs).toBe(30_000);
    expect(conf.attempts).toBe(1);
  });

  it("the resolver uses resolv.conf only without --resolver/--doh, and falls back last", () => {
    const text = "nameserver 10.0.0.53\noptions timeout:2 attempts:4";
    const base = { doh: null, timeoutMs: 5000, resolvConf: text };
    expect(resolverConfig({ ...base, servers: [] })).toEqual({
      servers: [{ host: "10.0.0.53", port: 53 }],
      timeoutMs: 2000,
      attempts: 4,
    });
    const given = [{ host: "192.0.2.53", port: 5353 }];
    expect(resolverConfig({ ...base, servers: given })).toEqual({
      servers: given,
      timeoutMs: 5000,
      attempts: 2,
    });
    expect(resolverConfig({ ...base, servers: [], resolvConf: "search x" }).servers).toEqual([
      ...FALLBACK_SERVERS,
    ]);
    expect(resolverConfig({ ...base, servers: [], resolvConf: null }).servers).toEqual([
      ...FALLBACK_SERVERS,
    ]);
  });
});

describe("--resolver addresses", () => {
  it("parses ip, ip:port, v6, [v6] and [v6]:port", () => {
    expect(parseDnsServer("192.0.2.1")).toEqual({ host: "192.0.2.1", port: 53 });
    expect(parseDnsServer("127.0.0.1:5353")).toEqual({ host: "127.0.0.1", port: 5353 });
    expect(parseDnsServer("2001:db8::1")).toEqual({ host: "2001:db8::1", port: 53 });
    expect(parseDnsServer("[2001:db8::1]")).toEqual({ host: "2001:db8::1", port: 53 });
    expect(parseDnsServer("[::1]:53000")).toEqual({ host: "::1", port: 53000 });
  });

  it("refuses names, bad ports and junk", () => {
    for (const bad of ["dns.google", "1.2.3.4:0", "1.2.3.4:70000", "[::1]:x", "", "1.2.3.4:53:1"]) {
      expect(parseDnsServer(bad)).toBeNull();
    }
  });
});
