// After a redirect within the site, the network of the server that answered is looked up, and
// only then: never for one of the host's own addresses, never for private ones.
import { describe, expect, it } from "vitest";
import type { Context } from "../src/scan/context.js";
import { gatherAnsweringNetwork } from "../src/sources/answering-network.js";
import { type Evidence, emptyEvidence } from "../src/sources/evidence.js";
import { sameAddress } from "../src/util/same-address.js";
import { dns, http, net, target } from "./fixtures/stacks/build.js";

function fakeContext(asked: string[], found = true): Context {
  const networks = {
    lookup: async (ip: string) => {
      asked.push(ip);
      const entry = found
        ? net(ip, 53831, "SQUARESPACE", "Squarespace, Inc.")
        : { ...net(ip, 1, null, null), asn: null };
      const errors = found ? [] : [{ source: "asn", code: "TIMEOUT", message: "no answer" }];
      return { entry, errors };
    },
  };
  // www.example.com is a CNAME into Squarespace's zone.
  const resolver = {
    query: async (name: string, type: "A" | "AAAA") => ({
      name,
      type,
      status: "NOERROR",
      answers:
        name === "www.example.com"
          ? [{ name, ttl: 60, type: "CNAME", data: "ext-cust.squarespace.com" }]
          : [{ name, ttl: 60, type, data: "198.185.159.145" }],
      authority: [],
      server: "127.0.0.1:53",
      message: null,
      durationMs: 1,
    }),
  };
  return { networks, resolver, log: () => {}, clock: { now: () => 0 } } as unknown as Context;
}

function evidenceAnsweredFrom(remote: string) {
  const h = http("https://www.example.com/", {});
  h.section.remoteAddress = remote;
  return emptyEvidence(target("example.com", "example.com"), {
    dns: dns({ a: ["192.64.119.1"] }),
    http: h,
  });
}

// As scanTarget does: the source's value and errors go into the evidence.
async function lookUpAnsweringNetwork(ctx: Context, e: Evidence, signal: AbortSignal) {
  const outcome = await gatherAnsweringNetwork(ctx, { ...e, signal });
  e.answering = outcome.value;
  e.errors.push(...outcome.errors);
}

describe("the network of the server that answered", () => {
  it("is looked up when it is not one of the host's own addresses", async () => {
    const asked: string[] = [];
    const e = evidenceAnsweredFrom("198.185.159.145");
    await lookUpAnsweringNetwork(fakeContext(asked), e, new AbortController().signal);
    expect(asked).toEqual(["198.185.159.145"]);
    expect(e.answering?.network).toMatchObject({ ip: "198.185.159.145", asn: 53831 });
    // And the final host's CNAME chain, which the CDN and platform rules read.
    expect(e.answering?.chain).toEqual([
      { from: "www.example.com", to: "ext-cust.squarespace.com" },
    ]);
  });

  it("drops a CNAME chain that does not lead to the address that answered (a second answer)", async () => {
    const e = evidenceAnsweredFrom("198.185.159.146");
    await lookUpAnsweringNetwork(fakeContext([]), e, new AbortController().signal);
    expect(e.answering?.network).toMatchObject({ ip: "198.185.159.146" });
    expect(e.answering?.chain).toBeUndefined();
    expect(e.errors.map((x) => x.code)).toEqual(["INCONSISTENT_ANSWER"]);
  });

  it("keeps the host's own addresses when the answering network cannot be found, and says why", async () => {
    const e = evidenceAnsweredFrom("198.185.159.145");
    await lookUpAnsweringNetwork(fakeContext([], false), e, new AbortController().signal);
    expect(e.answering?.network).toBeUndefined();
    expect(e.answering?.chain).toBeUndefined();
    expect(e.errors).toEqual([{ source: "asn", code: "TIMEOUT", message: "no answer" }]);
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
      expect(e.answering?.network).toBeUndefined();
    }
    expect(asked).toEqual([]);
  });
});
