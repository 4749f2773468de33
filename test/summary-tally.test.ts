// The summary's counting: companies, unknown versus failed, concentration, and "write to".
import { describe, expect, it } from "vitest";
import { savedProfile } from "../src/saved/saved-profile.js";
import { concentration } from "../src/summary/concentration.js";
import { createTally } from "../src/summary/tally.js";
import { type FakeProfile, savedProfileJson } from "./helpers/saved-profiles.js";

function summarise(profiles: FakeProfile[], maxSites = 20) {
  const tally = createTally({ title: "t", maxSites });
  for (const p of profiles) {
    const saved = savedProfile(savedProfileJson(p));
    if (!saved) throw new Error("not a profile");
    tally.add(saved);
  }
  return tally.result();
}

const cloudflare = { name: "Cloudflare", id: "cloudflare", email: "abuse@cloudflare.com" };

describe("summary tally", () => {
  it("groups a company's services (WordPress.com and WordPress VIP are Automattic's)", () => {
    const s = summarise([
      { target: "a.com", providers: { platform: { name: "WordPress.com", id: "wordpress-com" } } },
      { target: "b.com", providers: { platform: { name: "WordPress VIP", id: "wordpress-vip" } } },
      { target: "c.com", providers: { platform: { name: "WordPress.com", id: "wordpress-com" } } },
      { target: "d.com", providers: { platform: { name: "Shopify", id: "shopify" } } },
    ]);
    const [first, second] = s.roles.platform.providers;
    expect(first).toMatchObject({
      name: "Automattic",
      id: "automattic",
      sites: 3,
      services: [
        { name: "WordPress.com", sites: 2 },
        { name: "WordPress VIP", sites: 1 },
      ],
      siteList: ["a.com", "b.com", "c.com"],
    });
    expect(second).toMatchObject({ name: "Shopify", sites: 1 });
  });

  it("tells unknown from failed, so every site is counted somewhere", () => {
    const s = summarise([
      { target: "a.com", providers: { cdn: cloudflare } },
      { target: "b.com" },
      { target: "c.com", errors: [{ source: "http", code: "TIMEOUT" }] },
      { target: "d.com", errors: [{ source: "rdap", code: "TIMEOUT" }] },
    ]);
    expect(s.roles.cdn).toMatchObject({ known: 1, unknown: 2, failed: 1 });
    expect(s.roles.registrar).toMatchObject({ known: 0, unknown: 3, failed: 1 });
    for (const role of Object.values(s.roles))
      expect(role.known + role.unknown + role.failed).toBe(4);
  });

  it("shares of the list and of known sites, confidence counts, the usual contact", () => {
    const s = summarise([
      { target: "a.com", providers: { cdn: cloudflare } },
      { target: "b.com", providers: { cdn: { ...cloudflare, confidence: "medium" } } },
      {
        target: "c.com",
        providers: { cdn: { name: "Fastly", id: "fastly", email: "abuse@fastly.com" } },
      },
      { target: "d.com" },
    ]);
    expect(s.roles.cdn.providers[0]).toMatchObject({
      name: "Cloudflare",
      sites: 2,
      share: 0.5,
      shareOfKnown: 0.6667,
      confidence: { high: 1, medium: 1, low: 0 },
      abuse: { email: "abuse@cloudflare.com", url: null, phone: null },
    });
    expect(s.roles.cdn).toMatchObject({ top1Share: 0.6667, top3Share: 1, hhi: 5556 });
  });

  it("HHI: 10,000 for one provider, 10,000/n for n equal ones", () => {
    expect(concentration([7], 7).hhi).toBe(10_000);
    expect(concentration([5, 5, 5, 5], 20)).toEqual({
      top1Share: 0.25,
      top3Share: 0.75,
      hhi: 2500,
    });
    expect(concentration([], 0)).toEqual({ top1Share: 0, top3Share: 0, hhi: 0 });
  });

  it("write to: one entry per contact, each site once with all its roles, capped with +N more", () => {
    const both = {
      cdn: cloudflare,
      dns: cloudflare,
      registrar: { name: "Gandi", url: "https://gandi.net/abuse" },
    };
    const s = summarise(
      [
        { target: "a.com", providers: both },
        { target: "b.com", providers: { cdn: cloudflare } },
        {
          target: "c.com",
          providers: { hosting: { ...cloudflare, email: "ABUSE@cloudflare.com" } },
        },
      ],
      2,
    );
    const [cf, gandi] = s.writeTo;
    expect(cf).toMatchObject({
      siteCount: 3,
      roles: [
        { role: "dns", sites: 1 },
        { role: "cdn", sites: 2 },
        { role: "hosting", sites: 1 },
      ],
      sites: [
        { site: "a.com", roles: ["dns", "cdn"] },
        { site: "b.com", roles: ["cdn"] },
      ],
      moreSites: 1,
    });
    expect(gandi).toMatchObject({ contact: { url: "https://gandi.net/abuse" }, siteCount: 1 });
  });

  it("stays bounded: providers past the cap are counted, not kept", () => {
    const tally = createTally({ title: "t", maxSites: 1, maxProviders: 3, maxContacts: 2 });
    for (let i = 0; i < 10; i++) {
      const p = savedProfile(
        savedProfileJson({
          target: `s${i}.com`,
          providers: { hosting: { name: `Net ${i}`, email: `a@n${i}.example` } },
        }),
      );
      if (p) tally.add(p);
    }
    const s = tally.result();
    expect(s.roles.hosting.providers).toHaveLength(3);
    expect(s.roles.hosting).toMatchObject({ known: 10, untrackedSites: 7 });
    expect(s.writeTo).toHaveLength(2);
    expect(s.untrackedContacts).toBe(8);
  });
});
