import { describe, expect, it } from "vitest";
import { matchConnectTo, parseConnectTo } from "../src/clients/net/connect-to.js";
import { isPrivateAddress, specialAddressRange } from "../src/clients/net/private-address.js";

describe("private-address guard", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd00::1", "uniqueLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["64:ff9b::a9fe:a9fe", "nat64 of linkLocal"],
    ["64:ff9b:1::1", "rfc6052"],
    ["2002:7f00:1::", "6to4 of loopback"],
    ["2001:db8::1", "reserved"],
    ["not-an-ip", "invalid"],
  ])("refuses %s (%s)", (ip, range) => {
    expect(specialAddressRange(ip)).toBe(range);
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    "93.184.216.34",
    "104.16.1.1",
    "2606:4700::6810:1",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows the public address %s", (ip) => {
    expect(specialAddressRange(ip)).toBeNull();
  });
});

describe("--connect-to", () => {
  it("parses curl's HOST1:PORT1:HOST2:PORT2 with empty fields and bracketed IPv6", () => {
    expect(parseConnectTo("example.org:443:127.0.0.1:8443")).toEqual({
      host: "example.org",
      port: "443",
      connectHost: "127.0.0.1",
      connectPort: "8443",
    });
    expect(parseConnectTo("::[::1]:")).toEqual({
      host: "",
      port: "",
      connectHost: "::1",
      connectPort: "",
    });
    expect(() => parseConnectTo("a:b")).toThrow(/HOST1:PORT1:HOST2:PORT2/);
    expect(() => parseConnectTo("a:99999:b:1")).toThrow(/ports/);
  });

  it("matches the first rule in order; empty fields match any and keep the original", () => {
    const rules = [parseConnectTo("www.example.org:80:10.0.0.1:"), parseConnectTo(":443::8443")];
    expect(matchConnectTo(rules, "WWW.example.org", 80)).toMatchObject({
      host: "10.0.0.1",
      port: 80,
    });
    expect(matchConnectTo(rules, "other.test", 443)).toMatchObject({
      host: "other.test",
      port: 8443,
    });
    expect(matchConnectTo(rules, "other.test", 80)).toBeNull();
  });
});
