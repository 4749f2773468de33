// The public JSON profile, `hostscan/profile@1`: schema/profile.schema.json, README.

export type {
  AbuseContact,
  CaaRecord,
  ErrorEntry,
  ErrorSource,
  MxRecord,
  NetworkEntry,
  Registration,
  SoaRecord,
  TlsInfo,
} from "../clients/records.js";

import type {
  AbuseContact,
  CaaRecord,
  ErrorEntry,
  MxRecord,
  NetworkEntry,
  Registration,
  SoaRecord,
  TlsInfo,
} from "../clients/records.js";

export const PROFILE_SCHEMA = "hostscan/profile@1";

export type Role =
  | "registrar"
  | "registry"
  | "dns"
  | "cdn"
  | "hosting"
  | "email"
  | "tls"
  | "platform";

/** Every role, in the order the contract lists them (and the table prints them). */
export const ROLES: readonly Role[] = [
  "registrar",
  "registry",
  "dns",
  "cdn",
  "hosting",
  "email",
  "tls",
  "platform",
];

export type Confidence = "high" | "medium" | "low";

export interface Provider {
  /** Canonical catalogue name, else the organisation as registry data gives it. */
  name: string;
  asn: number | null;
  confidence: Confidence;
  /** Human-readable reasons, each naming the exact signal that matched. */
  evidence: string[];
  abuse: AbuseContact;
  /** Extension: catalogue id when the provider comes from the catalogue. */
  id?: string;
  /** Extension: e.g. platform "self-hosted" or a privacy-proxy registrant. */
  note?: string;
  /** Extension: where the abuse contact comes from; present whenever a contact is. */
  abuseSource?: AbuseSource;
}

/** Kinds of place an abuse contact is taken from. */
export type AbuseSourceKind =
  | "catalogue"
  | "network-rdap"
  | "registrar-rdap"
  | "registrar-whois"
  | "registry-rdap"
  | "registry-whois"
  | "iana";

/** Where a provider's abuse contact comes from, as data: each formatter words it. */
export interface AbuseSource {
  kind: AbuseSourceKind;
  /** catalogue: the public page the channel is documented on. */
  url?: string;
  /** catalogue: only a secondary source (a copy, not the provider's own page) was found. */
  secondary?: boolean;
  /** RDAP/WHOIS kinds: the servers that answered, registry first. */
  servers?: string[];
  /** network-rdap: the address whose network holds the contact. */
  address?: string;
  /** network-rdap: the organisation the RIR registers the network to. */
  holder?: string;
  /** iana: the TLD whose manager's contact IANA's root zone database lists. */
  tld?: string;
  /** The contact is that of another catalogue entry of the same company. */
  via?: {
    name: string;
    /** runs: the same company's network entry runs this service; owns: its owner. */
    relation: "runs" | "owns";
    /** owns: where the ownership is documented. */
    source?: string;
  };
}

export type Providers = Record<Role, Provider | null>;

export interface DnsSection {
  a: string[];
  aaaa: string[];
  cname: string[];
  ns: string[];
  mx: MxRecord[];
  txt: string[];
  soa: SoaRecord | null;
  caa: CaaRecord[];
}

export interface HttpSection {
  url: string;
  finalUrl: string;
  status: number;
  redirects: string[];
  headers: Record<string, string>;
  tls: TlsInfo | null;
  /** Extension: the address the final response came from. */
  remoteAddress?: string | null;
  /** Extension: true when the page was cut at --max-body (the fingerprints saw only the start). */
  truncated?: boolean;
  /** Extension: where the site redirects to another registrable domain (not followed). */
  offsiteRedirect?: string;
  /**
   * Extension: the network of `remoteAddress` when it is not one of the host's own addresses
   * (the final page came from another name of the same site, such as www after a redirect).
   */
  remoteNetwork?: NetworkEntry;
}

export interface Technology {
  name: string;
  version: string | null;
  categories: string[];
  confidence: number;
  /** Extension: true when seen only in a third-party asset (CDN-hosted script). */
  thirdParty?: boolean;
  /** Extension: the dataset marks it a hosted (SaaS) offering; `oss` marks open-source software. */
  saas?: boolean;
  oss?: boolean;
  /** Extension: kinds of signal that matched ("headers", "html", "dns", …; "implied" by another). */
  via?: string[];
}

/** How one source went: ok, empty ("asked, nothing there"), error, or skipped (e.g. --passive). */
export interface SourceReport {
  status: "ok" | "empty" | "error" | "skipped";
  durationMs: number;
}

/** What made a profile: hostscan's version and the versions of the data it judged with. */
export interface Generator {
  name: "hostscan";
  version: string;
  /** The fingerprint dataset and its snapshot, e.g. "webappanalyzer@2026-08-22". */
  fingerprints: string;
  /** The provider catalogue: a digest of its contents, so any change to it shows. */
  catalogue: string;
}

/** When a profile was made, how long it took, and by what. */
export interface RunFacts {
  scannedAt: string;
  durationMs: number;
  generator: Generator;
}

export interface Profile {
  schema: typeof PROFILE_SCHEMA;
  target: string;
  host: string | null;
  domain: string | null;
  scannedAt: string;
  durationMs: number;
  generator: Generator;
  providers: Providers;
  dns: DnsSection;
  registration: Registration | null;
  network: NetworkEntry[];
  http: HttpSection | null;
  technologies: Technology[];
  errors: ErrorEntry[];
  /** Extension: each source's outcome, so "skipped by --passive" differs from "unreachable". */
  sources: Record<string, SourceReport>;
}
