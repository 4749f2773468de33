// Attribution rules, Where to report: the catalogue, the same company, the RIR's abuse contact.
import { describe, expect, it } from "vitest";
import { type ProviderEntry, providerById } from "../src/catalogue/index.js";
import { reportTo } from "../src/judge/detectors/report-to.js";
import { net, target } from "./fixtures/stacks/build.js";

const _T = target("www.example.org");

describe("abuse fallback to RDAP", () => {
  // A platform the catalogue has no abuse channel for.
  const entry: ProviderEntry = {
    id: "exampleshop",
    name: "Exampleshop",
    kinds: ["platform", "hosting"],
    website: "https://exampleshop.test",
    signals: [],
    abuse: null,
  };
  const CF_AS = 13335;

  it("a block registered to the provider is its own, even when another catalogued AS announces it", () => {
    const own = net("23.227.38.65", CF_AS, "CLOUDFLARENET", "Exampleshop, Inc.", {
      email: "abuse@exampleshop.test",
    });
    expect(reportTo(entry, [own]).abuse).toEqual({
      email: "abuse@exampleshop.test",
      url: null,
      phone: null,
    });
  });

  it("a service of the same company takes its network entry's channel (WordPress VIP → Automattic)", () => {
    const vip = providerById("wordpress-vip");
    expect(vip?.abuse).toBeNull();
    const got = reportTo(vip ?? null, []);
    expect(got.abuse).toEqual({
      email: "abuse@automattic.com",
      url: null,
      phone: "+1-877-273-8550",
    });
    expect(got.abuseSource).toMatchObject({
      kind: "catalogue",
      via: { name: "Automattic", relation: "runs" },
    });
  });

  it("the company that owns a service is the last stand-in (Sucuri → GoDaddy), and says so", () => {
    const got = reportTo(providerById("sucuri") ?? null, []);
    expect(got.abuse.email).toBe("abuse@godaddy.com");
    expect(got.abuseSource).toMatchObject({
      kind: "catalogue",
      via: {
        name: "GoDaddy",
        relation: "owns",
        source: "https://sucuri.net/enterprise-services-agreement",
      },
    });
  });

  it("a block registered to the network it sits in is that network's, not the provider's", () => {
    const aws = net("75.2.60.5", 16509, "AMAZON-02", "Amazon Technologies Inc.", {
      email: "abuse@amazonaws.com",
    });
    expect(reportTo(entry, [aws]).abuse).toEqual({ email: null, url: null, phone: null });
  });
});
