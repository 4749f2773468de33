import type { DnsAnswer } from "../clients/dns/types.js";
import type {
  AbuseContact,
  DnsSection,
  ErrorEntry,
  HttpSection,
  NetworkEntry,
  Registration,
  SourceReport,
  Technology,
} from "../profile/types.js";
import type { Target } from "../scan/targets/types.js";

/** Everything the DNS source learnt: the profile's section plus what detectors need beyond it. */
export interface DnsEvidence {
  section: DnsSection;
  /** The zone that holds the host (where NS was found by walking up to the zone cut). */
  zone: string | null;
  /** CNAME chain as pairs, in order: host → … → final name (the longer of the A and AAAA walks). */
  cnameChain: { from: string; to: string }[];
  /**
   * The chain each address family's walk followed: a zone can answer A with a CNAME into a
   * platform and AAAA with its own address, so a chain speaks only for its own family's records.
   */
  chains: { a: { from: string; to: string }[]; aaaa: { from: string; to: string }[] };
  /** Raw answers by "TYPE name", for diagnostics and the fingerprint `dns` rules. */
  answers: Record<string, DnsAnswer>;
}

/** Registry facts beyond the profile's `registration` (escalation channel for ccTLDs). */
export interface RegistrationEvidence {
  registration: Registration;
  /** The registry operator's abuse channel when published (RDAP abuse entity or catalogue). */
  registryAbuse: AbuseContact | null;
  /** Privacy-proxy service named in the registrant data, if any. */
  privacyService: string | null;
  /** The TLD manager's administrative contact from IANA's root zone database (whois.iana.org). */
  tldContact: AbuseContact | null;
  /** The registrar's own RDAP URL or WHOIS server, when the registry's referral was followed. */
  registrarServer: string | null;
}

/** The networks behind the site's addresses, nameservers and mail exchangers. */
export interface NetworkEvidence {
  /** One per distinct A/AAAA address of the host (the profile's `network`). */
  site: NetworkEntry[];
  /** Networks of the authoritative nameservers' addresses (DNS host fallback). */
  nameservers: NetworkEntry[];
  /** Networks of the MX hosts' addresses (mail provider fallback). */
  mail: NetworkEntry[];
}

/** The HTTP probe's findings: the profile's section plus the page for fingerprints. */
export interface HttpEvidence {
  section: HttpSection;
  /** Decoded body of the final response, capped by --max-body. */
  body: string;
  /** Set-Cookie names and values of the final response. */
  cookies: Record<string, string>;
  /** Every response's headers along the redirect chain (lower-cased names). */
  chainHeaders: Record<string, string>[];
}

/** The server that answered the final request, when it is not one of the host's own addresses. */
export interface AnsweringEvidence {
  /** Its network (the profile's `http.remoteNetwork`). */
  network: NetworkEntry;
  /**
   * The CNAME chain of the final URL's host, when the final page came from another name of the
   * site and the chain resolves to the address that answered.
   */
  chain?: { from: string; to: string }[];
}

/** All evidence about one target; sources fill it, detectors read it. */
export interface Evidence {
  target: Target;
  dns: DnsEvidence | null;
  registration: RegistrationEvidence | null;
  network: NetworkEvidence | null;
  http: HttpEvidence | null;
  /** Filled after the HTTP probe, when another name of the site served the final page. */
  answering: AnsweringEvidence | null;
  /** Filled by the technology detector (before the role detectors run). */
  technologies: Technology[];
  /** True when --passive kept hostscan off the target's own servers. */
  passive: boolean;
  errors: ErrorEntry[];
  /** Each source's outcome and timing, by source id. */
  sources: Record<string, SourceReport>;
}

/** An empty evidence object for a target; tests change only what the case needs. */
export function emptyEvidence(target: Target, overrides: Partial<Evidence> = {}): Evidence {
  return {
    target,
    dns: null,
    registration: null,
    network: null,
    http: null,
    answering: null,
    technologies: [],
    passive: false,
    sources: {},
    errors: [],
    ...overrides,
  };
}

/** An empty DNS section with every contract field present. */
export function emptyDnsSection(): DnsSection {
  return { a: [], aaaa: [], cname: [], ns: [], mx: [], txt: [], soa: null, caa: [] };
}
