// What `hostscan diff` reports between two scans of one target, and what it ignores as noise.
import { describe, expect, it } from "vitest";
import { compareProfiles } from "../src/diff/compare.js";
import { diffRecord } from "../src/diff/diff-record.js";
import { pairUp } from "../src/diff/pair-up.js";
import { type SavedProfile, savedProfile } from "../src/saved/saved-profile.js";
import { type FakeProfile, savedProfileJson } from "./helpers/saved-profiles.js";

const saved = (p: FakeProfile): SavedProfile => {
  const s = savedProfile(savedProfileJson(p));
  if (!s) throw new Error("not a profile");
  return s;
};

const NONE = { expiringDays: null };
const cloudflare = { name: "Cloudflare", id: "cloudflare", confidence: "high" as const };
const registration = (registrar: string, ianaId: string, more: Record<string, unknown> = {}) => ({
  source: "rdap",
  registrar: { name: registrar, ianaId, url: null },
  expires: "2030-08-13T04:00:00Z",
  status: ["client transfer prohibited", "client delete prohibited"],
  nameservers: ["a.ns.example.net", "b.ns.example.net"],
  ...more,
});
const base: FakeProfile = {
  target: "a.example",
  providers: { cdn: cloudflare, hosting: { ...cloudflare, asn: 13335 } },
  registration: registration("MarkMonitor Inc.", "292"),
  network: [
    { ip: "104.16.1.1", asn: 13335, asName: "CLOUDFLARENET" },
    { ip: "104.16.2.2", asn: 13335, asName: "CLOUDFLARENET" },
  ],
  mx: ["mx1.example.net", "mx2.example.net"],
  tls: {
    issuer: "Let's Encrypt / R10",
    issuerOrg: "Let's Encrypt",
    validTo: "2027-02-01T00:00:00.000Z",
  },
  technologies: ["WordPress", "PHP"],
};

describe("compareProfiles", () => {
  it("ignores scan times, durations, record order, address churn within a network and evidence", () => {
    const again = savedProfileJson({
      ...base,
      scannedAt: "2026-12-08T10:00:00.000Z",
      registration: registration("MARKMONITOR INC.", "292", {
        status: ["client delete prohibited", "Client Transfer Prohibited"],
        nameservers: ["B.NS.EXAMPLE.NET.", "a.ns.example.net"],
      }),
      network: [{ ip: "104.16.9.9", asn: 13335, asName: "CLOUDFLARENET" }],
      mx: ["MX2.example.net.", "mx1.example.net"],
      tls: {
        issuer: "Let's Encrypt / R11",
        issuerOrg: "Let's Encrypt",
        validTo: "2027-03-01T00:00:00.000Z",
      },
      technologies: ["PHP", "WordPress"],
    });
    (again.providers as { cdn: { evidence: string[] } }).cdn.evidence = ["other wording"];
    again.durationMs = 99_999;
    const next = savedProfile(again) as SavedProfile;
    expect(compareProfiles(saved(base), next, NONE)).toEqual([]);
  });

  it("providers added, removed, replaced, and a confidence change", () => {
    const next = saved({
      ...base,
      providers: {
        cdn: { name: "Fastly", id: "fastly" },
        hosting: { ...cloudflare, asn: 13335, confidence: "medium" },
        platform: { name: "WordPress.com", id: "wordpress-com" },
      },
    });
    const prev = saved({
      ...base,
      providers: { ...base.providers, email: { name: "Google Workspace" } },
    });
    expect(compareProfiles(prev, next, NONE)).toEqual([
      {
        field: "providers.cdn",
        kind: "replaced",
        old: "Cloudflare",
        new: "Fastly",
        added: [],
        removed: [],
      },
      {
        field: "providers.hosting.confidence",
        kind: "changed",
        old: "high",
        new: "medium",
        added: [],
        removed: [],
      },
      {
        field: "providers.email",
        kind: "removed",
        old: "Google Workspace",
        new: null,
        added: [],
        removed: [],
      },
      {
        field: "providers.platform",
        kind: "added",
        old: null,
        new: "WordPress.com",
        added: [],
        removed: [],
      },
    ]);
  });

  it("a registrar transfer, a renewal, status and nameserver changes", () => {
    const next = saved({
      ...base,
      registration: registration("Gandi SAS", "81", {
        expires: "2031-08-13T04:00:00Z",
        status: ["client transfer prohibited"],
        nameservers: ["a.ns.example.net", "ns1.gandi.net"],
      }),
    });
    expect(compareProfiles(saved(base), next, NONE)).toEqual([
      {
        field: "registration.registrar",
        kind: "transferred",
        old: "MarkMonitor Inc.",
        new: "Gandi SAS",
        added: [],
        removed: [],
      },
      {
        field: "registration.expires",
        kind: "renewed",
        old: "2030-08-13T04:00:00Z",
        new: "2031-08-13T04:00:00Z",
        added: [],
        removed: [],
      },
      {
        field: "registration.status",
        kind: "changed",
        old: null,
        new: null,
        added: [],
        removed: ["client delete prohibited"],
      },
      {
        field: "registration.nameservers",
        kind: "changed",
        old: null,
        new: null,
        added: ["ns1.gandi.net"],
        removed: ["b.ns.example.net"],
      },
    ]);
  });

  it("an expiry that passed between the scans has lapsed", () => {
    const prev = saved({
      ...base,
      registration: registration("X", "1", { expires: "2026-12-05T00:00:00Z" }),
    });
    const next = saved({
      ...base,
      scannedAt: "2026-12-08T00:00:00.000Z",
      registration: registration("X", "1", { expires: "2026-12-05T00:00:00Z" }),
    });
    expect(compareProfiles(prev, next, NONE)).toEqual([
      {
        field: "registration.expires",
        kind: "lapsed",
        old: "2026-12-05T00:00:00Z",
        new: "2026-12-05T00:00:00Z",
        added: [],
        removed: [],
      },
    ]);
  });

  it("addresses moved to another network, MX changed, a new CA, technologies and failures", () => {
    const next = saved({
      ...base,
      network: [{ ip: "151.101.1.1", asn: 54113, asName: "FASTLY" }],
      mx: ["aspmx.l.google.com"],
      tls: {
        issuer: "Google Trust Services / WE1",
        issuerOrg: "Google Trust Services",
        validTo: "2027-02-01T00:00:00.000Z",
      },
      technologies: ["WordPress", "Nginx"],
      errors: [{ source: "rdap", code: "TIMEOUT" }],
    });
    const prev = saved({ ...base, errors: [{ source: "http", code: "TLS_ERROR" }] });
    expect(compareProfiles(prev, next, NONE)).toEqual([
      {
        field: "network",
        kind: "moved",
        old: null,
        new: null,
        added: ["AS54113 FASTLY"],
        removed: ["AS13335 CLOUDFLARENET"],
      },
      {
        field: "dns.mx",
        kind: "changed",
        old: null,
        new: null,
        added: ["aspmx.l.google.com"],
        removed: ["mx1.example.net", "mx2.example.net"],
      },
      {
        field: "http.tls.issuer",
        kind: "replaced",
        old: "Let's Encrypt / R10",
        new: "Google Trust Services / WE1",
        added: [],
        removed: [],
      },
      {
        field: "technologies",
        kind: "changed",
        old: null,
        new: null,
        added: ["Nginx"],
        removed: ["PHP"],
      },
      {
        field: "errors",
        kind: "changed",
        old: null,
        new: null,
        added: ["rdap TIMEOUT"],
        removed: ["http TLS_ERROR"],
      },
    ]);
  });

  it("--expiring N: a certificate ending within N days of the new scan", () => {
    const next = saved({
      ...base,
      scannedAt: "2026-12-01T00:00:00.000Z",
      tls: {
        ...(base.tls as NonNullable<FakeProfile["tls"]>),
        validTo: "2026-12-20T00:00:00.000Z",
      },
    });
    const prev = saved({
      ...base,
      tls: next.tls && { ...base.tls!, validTo: "2026-12-20T00:00:00.000Z" },
    });
    expect(compareProfiles(prev, next, { expiringDays: 30 })).toEqual([
      {
        field: "http.tls.validTo",
        kind: "expiring",
        old: "2026-12-20T00:00:00.000Z",
        new: "2026-12-20T00:00:00.000Z",
        added: [],
        removed: [],
      },
    ]);
    expect(compareProfiles(prev, next, { expiringDays: 10 })).toEqual([]);
  });
});

async function* from<T>(items: T[]) {
  yield* items;
}

describe("pairUp", () => {
  const p = (target: string) => saved({ target });

  it("pairs by target in any order; the rest appeared or disappeared", async () => {
    const pairs = [];
    for await (const pair of pairUp(from([p("a"), p("b"), p("c")]), from([p("c"), p("d"), p("a")])))
      pairs.push(`${pair.old?.target ?? "-"}/${pair.new?.target ?? "-"}`);
    expect(pairs).toEqual(["c/c", "a/a", "b/-", "-/d"]);
  });

  it("a repeated target pairs first with first", async () => {
    const a1 = saved({ target: "a", providers: { cdn: cloudflare } });
    const a2 = saved({ target: "a" });
    const out = [];
    for await (const pair of pairUp(from([a1, a2]), from([a1, a2])))
      out.push(diffRecord(pair, NONE));
    expect(out).toEqual([null, null]);
  });

  it("diffRecord: appeared, disappeared, unchanged", () => {
    expect(diffRecord({ old: null, new: p("n") }, NONE)).toMatchObject({
      status: "appeared",
      changes: [],
    });
    expect(diffRecord({ old: p("o"), new: null }, NONE)).toMatchObject({ status: "disappeared" });
    expect(diffRecord({ old: p("s"), new: p("s") }, NONE)).toBeNull();
  });
});
