// After a redirect within the site, the network of the server that answered is looked up, and
// only then: never for one of the host's own addresses, never for private ones.
import { describe, expect, it } from "vitest";
import type { Context } from "../src/context.js";
import { emptyEvidence } from "../src/evidence.js";
import { sameAddress } from "../src/net/same-address.js";
import { lookUpAnsweringNetwork } from "../src/scan.js";
import { dns, http, net, target } from "./fixtures/stacks/build.js";

function fakeContext(asked: string[]): Context {
  const networks = {
    lookup: async (ip: string) => {
      asked.push(ip);
      return { entry: net(ip, 53831, "SQUARESPACE", "Squarespace, Inc."), errors: [] };
    },
  };
  return { networks, log: () => {} } as unknown as Context;
}

function evidenceAnsweredFrom(remote: string) {
  const h = http("https://www.example.com/", {});
  h.section.remoteAddress = remote;
  return emptyEvidence(target("example.com", "example.com"), {
    dns: dns({ a: ["192.64.119.1"] }),
    http: h,
  });
}

describe("the network of the server that answered", () => {
  it("is looked up when it is not one of the host's own addresses", async () => {
    const asked: string[] = [];
    const e = evidenceAnsweredFrom("198.185.159.145");
    await lookUpAnsweringNetwork(fakeContext(asked), e, new AbortController().signal);
    expect(asked).toEqual(["198.185.159.145"]);
    expect(e.http?.section.remoteNetwork).toMatchObject({ ip: "198.185.159.145", asn: 53831 });
  });

  it("recognises the host's own IPv6 address however it is spelt", async () => {
    const asked: string[] = [];
    const h = http("https://www.example.com/", {});
    h.section.remoteAddress = "2606:4700:0:0:0:0:6810:101";
    const e = emptyEvidence(target("example.com", "example.com"), {
      dns: dns({ aaaa: ["2606:4700::6810:101"] }),
      http: h,
    });
    await lookUpAnsweringNetwork(fakeContext(asked), e, new AbortController().signal);
    expect(asked).toEqual([]);
    expect(sameAddress("::ffff:104.16.1.1", "104.16.1.1")).toBe(true);
    expect(sameAddress("2606:4700::1", "2606:4700::2")).toBe(false);
  });

  it("is not looked up for the host's own address, nor for a private one", async () => {
    const asked: string[] = [];
    for (const remote of ["192.64.119.1", "127.0.0.1", "10.1.2.3", "::1"]) {
      const e = evidenceAnsweredFrom(remote);
      await lookUpAnsweringNetwork(fakeContext(asked), e, new AbortController().signal);
      expect(e.http?.section.remoteNetwork).toBeUndefined();
    }
    expect(asked).toEqual([]);
  });
});
