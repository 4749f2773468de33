// The facts the protocol clients decode. The public profile (src/profile/types.ts) is built
// from them, so these shapes are part of `hostscan/profile@1` too.

export interface AbuseContact {
  email: string | null;
  url: string | null;
  phone: string | null;
}

export interface MxRecord {
  preference: number;
  exchange: string;
}

export interface SoaRecord {
  mname: string;
  rname: string;
  serial: number;
  refresh?: number;
  retry?: number;
  expire?: number;
  minimum?: number;
}

export interface CaaRecord {
  flags: number;
  tag: string;
  value: string;
}

export interface Registration {
  source: "rdap" | "whois";
  server: string | null;
  registrar: { name: string | null; ianaId: string | null; url: string | null } | null;
  registry: string | null;
  created: string | null;
  updated: string | null;
  expires: string | null;
  status: string[];
  nameservers: string[];
  dnssec: boolean | null;
  registrant: {
    organization: string | null;
    country: string | null;
    privacy?: boolean;
    /** Extension: the privacy or proxy service named in place of the registrant. */
    privacyService?: string;
  } | null;
  abuse: AbuseContact | null;
}

export interface NetworkEntry {
  ip: string;
  asn: number | null;
  asName: string | null;
  prefix: string | null;
  country: string | null;
  registry: string | null;
  org: string | null;
  ptr: string | null;
  abuse: AbuseContact | null;
  /** Extension: RDAP network handle and name. */
  handle?: string | null;
  netName?: string | null;
  /** Extension: every CIDR of the RDAP registration when it spans several. */
  cidrs?: string[];
  /** Extension, nameserver and MX networks only: the host name this address belongs to. */
  host?: string;
}

export interface TlsInfo {
  issuer: string | null;
  subject: string | null;
  san: string[];
  validFrom: string | null;
  validTo: string | null;
  sha256: string | null;
  trusted: boolean | null;
  error: string | null;
  /** Extension: issuer organisation alone, and the issuers up the presented chain. */
  issuerOrg?: string | null;
  chain?: string[];
}

export type ErrorSource = "input" | "dns" | "rdap" | "whois" | "asn" | "http" | "tls" | "tech";

export interface ErrorEntry {
  source: ErrorSource;
  code: string;
  message: string;
  /**
   * Extension: "warning" when the data is there but incomplete (TRUNCATED), or what failed was
   * not needed for the profile (the registrar's own record after the registry answered); a batch
   * does not count a target with only warnings as failing. Absent for errors.
   */
  severity?: "warning";
}
