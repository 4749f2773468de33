// Counts a list's providers one profile at a time: memory grows with the number of distinct
// providers and contacts (both capped), never with the number of sites.
import { abuseText } from "../format/csv.js";
import type { AbuseContact, ErrorSource, Role } from "../profile/types.js";
import { ROLES } from "../profile/types.js";
import { type SavedProfile, siteName } from "../saved/saved-profile.js";
import { companyOf } from "./company.js";
import { concentration, round } from "./concentration.js";
import {
  type ContactSummary,
  type ProviderShare,
  type RoleSummary,
  SUMMARY_SCHEMA,
  type Summary,
} from "./types.js";

export interface TallyOptions {
  title: string;
  /** Sites listed per provider and per contact; the rest are counted as "+N more". */
  maxSites: number;
  /** Distinct providers kept per role and distinct contacts kept (hostile lists stay bounded). */
  maxProviders?: number;
  maxContacts?: number;
}

/** The sources each role is judged from: when one failed and the role is empty, it "failed". */
const ROLE_SOURCES: Record<Role, readonly ErrorSource[]> = {
  registrar: ["rdap", "whois"],
  registry: ["rdap", "whois"],
  dns: ["dns", "rdap", "whois"],
  cdn: ["dns", "asn", "http", "tls"],
  hosting: ["dns", "asn", "http"],
  email: ["dns"],
  tls: ["http", "tls"],
  platform: ["http", "tls"],
};

const MAX_CONTACT_VARIANTS = 8;
const MAX_SERVICES = 32;

interface ProviderTally {
  name: string;
  id: string | null;
  sites: number;
  services: Map<string, number>;
  confidence: { high: number; medium: number; low: number };
  contacts: Map<string, { contact: AbuseContact; sites: number }>;
  siteList: string[];
}

interface RoleTally {
  providers: Map<string, ProviderTally>;
  unknown: number;
  failed: number;
  untrackedSites: number;
}

interface ContactTally {
  contact: AbuseContact;
  providers: Set<string>;
  roles: Map<Role, number>;
  siteCount: number;
  sites: { site: string; roles: Role[] }[];
}

export interface Tally {
  add(profile: SavedProfile): void;
  /** The summary so far; `skipped` is how many input records the reader had to skip. */
  result(skipped?: number): Summary;
}

/** A fresh tally; `add` each profile, then `result()`. */
export function createTally(options: TallyOptions): Tally {
  const maxProviders = options.maxProviders ?? 10_000;
  const maxContacts = options.maxContacts ?? 10_000;
  const roles = new Map<Role, RoleTally>(
    ROLES.map((r) => [r, { providers: new Map(), unknown: 0, failed: 0, untrackedSites: 0 }]),
  );
  const contacts = new Map<string, ContactTally>();
  let untrackedContacts = 0;
  let sites = 0;
  let from: string | null = null;
  let to: string | null = null;

  const addRole = (role: Role, profile: SavedProfile, failedSources: Set<string>) => {
    const tally = roles.get(role) as RoleTally;
    const provider = profile.providers[role];
    if (!provider) {
      const failed = ROLE_SOURCES[role].some((s) => failedSources.has(s));
      if (failed || failedSources.has("input")) tally.failed++;
      else tally.unknown++;
      return;
    }
    const company = companyOf(provider);
    let entry = tally.providers.get(company.key);
    if (!entry) {
      if (tally.providers.size >= maxProviders) {
        tally.untrackedSites++;
        return;
      }
      entry = {
        name: company.name,
        id: company.id,
        sites: 0,
        services: new Map(),
        confidence: { high: 0, medium: 0, low: 0 },
        contacts: new Map(),
        siteList: [],
      };
      tally.providers.set(company.key, entry);
    }
    entry.sites++;
    if (entry.services.has(provider.name) || entry.services.size < MAX_SERVICES)
      entry.services.set(provider.name, (entry.services.get(provider.name) ?? 0) + 1);
    if (provider.confidence) entry.confidence[provider.confidence]++;
    if (entry.siteList.length < options.maxSites) entry.siteList.push(siteName(profile));
    const key = contactKey(provider.abuse);
    if (provider.abuse && key) {
      const seen = entry.contacts.get(key);
      if (seen) seen.sites++;
      else if (entry.contacts.size < MAX_CONTACT_VARIANTS)
        entry.contacts.set(key, { contact: provider.abuse, sites: 1 });
    }
  };

  const addContacts = (profile: SavedProfile) => {
    // One entry per contact for this site, with every role it can be written to about.
    const mine = new Map<string, { contact: AbuseContact; provider: string; roles: Role[] }[]>();
    for (const role of ROLES) {
      const provider = profile.providers[role];
      const key = contactKey(provider?.abuse ?? null);
      if (!provider?.abuse || !key) continue;
      const list = mine.get(key) ?? [];
      list.push({ contact: provider.abuse, provider: companyOf(provider).name, roles: [role] });
      mine.set(key, list);
    }
    for (const [key, uses] of mine) {
      let entry = contacts.get(key);
      if (!entry) {
        if (contacts.size >= maxContacts) {
          untrackedContacts++;
          continue;
        }
        entry = {
          contact: (uses[0] as { contact: AbuseContact }).contact,
          providers: new Set(),
          roles: new Map(),
          siteCount: 0,
          sites: [],
        };
        contacts.set(key, entry);
      }
      const siteRoles = uses.flatMap((u) => u.roles);
      for (const use of uses) if (entry.providers.size < 20) entry.providers.add(use.provider);
      for (const role of siteRoles) entry.roles.set(role, (entry.roles.get(role) ?? 0) + 1);
      entry.siteCount++;
      if (entry.sites.length < options.maxSites)
        entry.sites.push({ site: siteName(profile), roles: siteRoles });
    }
  };

  return {
    add(profile) {
      sites++;
      const at = profile.scannedAt && !Number.isNaN(Date.parse(profile.scannedAt));
      if (at && profile.scannedAt) {
        if (from === null || profile.scannedAt < from) from = profile.scannedAt;
        if (to === null || profile.scannedAt > to) to = profile.scannedAt;
      }
      const failedSources = new Set<string>(profile.errors.map((e) => e.source));
      for (const role of ROLES) addRole(role, profile, failedSources);
      addContacts(profile);
    },
    result(skipped = 0): Summary {
      const byRole = {} as Record<Role, RoleSummary>;
      for (const role of ROLES)
        byRole[role] = roleSummary(role, roles.get(role) as RoleTally, sites);
      const writeTo = [...contacts.values()]
        .sort((a, b) => b.siteCount - a.siteCount || contactLabel(a).localeCompare(contactLabel(b)))
        .map(contactSummary);
      return {
        schema: SUMMARY_SCHEMA,
        title: options.title,
        sites,
        skipped,
        scannedFrom: from,
        scannedTo: to,
        roles: byRole,
        writeTo,
        untrackedContacts,
      };
    },
  };
}

/** One key per contact a person writes to (e-mail case-insensitively). */
function contactKey(abuse: AbuseContact | null): string | null {
  const text = abuseText(abuse);
  if (!text) return null;
  return abuse?.email ? `email:${text.toLowerCase()}` : `other:${text}`;
}

const contactLabel = (c: ContactTally) => abuseText(c.contact);

function roleSummary(role: Role, tally: RoleTally, total: number): RoleSummary {
  const known =
    [...tally.providers.values()].reduce((n, p) => n + p.sites, 0) + tally.untrackedSites;
  const providers: ProviderShare[] = [...tally.providers.values()]
    .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name))
    .map((p) => ({
      name: p.name,
      id: p.id,
      services: [...p.services]
        .map(([name, sites]) => ({ name, sites }))
        .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name)),
      sites: p.sites,
      share: total ? round(p.sites / total) : 0,
      shareOfKnown: known ? round(p.sites / known) : 0,
      confidence: p.confidence,
      abuse: [...p.contacts.values()].sort((a, b) => b.sites - a.sites)[0]?.contact ?? null,
      siteList: p.siteList,
      moreSites: p.sites - p.siteList.length,
    }));
  return {
    role,
    known,
    unknown: tally.unknown,
    failed: tally.failed,
    providers,
    untrackedSites: tally.untrackedSites,
    ...concentration(
      providers.map((p) => p.sites),
      known,
    ),
  };
}

function contactSummary(c: ContactTally): ContactSummary {
  return {
    contact: c.contact,
    providers: [...c.providers],
    roles: ROLES.filter((r) => c.roles.has(r)).map((role) => ({
      role,
      sites: c.roles.get(role) ?? 0,
    })),
    siteCount: c.siteCount,
    sites: c.sites,
    moreSites: c.siteCount - c.sites.length,
  };
}
