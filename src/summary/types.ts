// The summary's public shape, `hostscan/summary@1` (schema/summary.schema.json describes it).
import type { AbuseContact, Role } from "../profile/types.js";

export const SUMMARY_SCHEMA = "hostscan/summary@1";

/** One name a company fills the role under (Automattic: WordPress.com, WordPress VIP). */
export interface ServiceCount {
  name: string;
  sites: number;
}

export interface ConfidenceCounts {
  high: number;
  medium: number;
  low: number;
}

/** A company in one role: how many sites, which share, and where to report. */
export interface ProviderShare {
  name: string;
  /** Catalogue id of the company, null for names taken from registry data. */
  id: string | null;
  services: ServiceCount[];
  sites: number;
  /** Of every site in the list. */
  share: number;
  /** Of the sites where this role is known. */
  shareOfKnown: number;
  confidence: ConfidenceCounts;
  /** The contact most of its sites name; null when none does. */
  abuse: AbuseContact | null;
  /** Some of its sites (capped), and how many more there are. */
  siteList: string[];
  moreSites: number;
}

export interface RoleSummary {
  role: Role;
  known: number;
  /** No provider, and no source the role depends on failed. */
  unknown: number;
  /** No provider because a source the role depends on failed. */
  failed: number;
  providers: ProviderShare[];
  /** Sites of providers past the per-role cap (memory stays bounded on hostile lists). */
  untrackedSites: number;
  /** Shares among the sites where the role is known; HHI on the 0–10,000 scale. */
  top1Share: number;
  top3Share: number;
  hhi: number;
}

/** One abuse contact and every site it can be written to about, in which role. */
export interface ContactSummary {
  contact: AbuseContact;
  providers: string[];
  roles: { role: Role; sites: number }[];
  siteCount: number;
  sites: { site: string; roles: Role[] }[];
  moreSites: number;
}

export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  title: string;
  sites: number;
  /** Input records skipped as malformed. */
  skipped: number;
  scannedFrom: string | null;
  scannedTo: string | null;
  roles: Record<Role, RoleSummary>;
  writeTo: ContactSummary[];
  /** Contacts past the cap, whose sites are not listed. */
  untrackedContacts: number;
}
