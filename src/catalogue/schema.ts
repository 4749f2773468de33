// The provider catalogue's shape: reviewed data, one public source URL on every fact.

/** What a provider can be found as; one entry may be several (Cloudflare: cdn, dns, hosting). */
export type ProviderKind = "cdn" | "hosting" | "dns" | "email" | "sender" | "platform" | "ca";

/** Where a fact comes from; `unverified` marks facts not confirmed from a primary source. */
export interface Sourced {
  /** Public URL the fact was taken from. */
  source: string;
  unverified?: true;
}

/** A response header that identifies the provider: present (no pattern) or value matching. */
export interface HeaderRule {
  /** Lower-case header name. */
  name: string;
  /** Case-insensitive regular expression source the value must match; absent = presence. */
  pattern?: string;
  /** Match the pattern case-sensitively (Fastly's upper-case POP codes). */
  caseSensitive?: true;
  /**
   * A hint, not proof of this service: at most "low" confidence alone, and never a channel that
   * confirms another signal. The text says what the header does show (e.g. Google's front end).
   */
  weak?: string;
}

/** Domain-name patterns: a suffix of labels, where a label may hold `*` (e.g. `awsdns-*.com`). */
export type NameSignalType = "ns" | "cname" | "mx" | "spf";

/** One group of facts sharing a source. */
export type Signal =
  | (Sourced & { type: "asn"; values: number[] })
  | (Sourced & { type: "prefix"; values: string[] })
  | (Sourced & { type: NameSignalType; values: string[] })
  | (Sourced & { type: "header"; values: HeaderRule[] })
  /** Cookie names, exact; a trailing `*` makes a prefix (`_shopify_*` matches `_shopify_y`). */
  | (Sourced & { type: "cookie"; values: string[] })
  /** Certificate issuer organisations, compared case-insensitively. */
  | (Sourced & { type: "issuer"; values: string[] })
  /** Technology names from the fingerprint dataset that mean this hosted platform. */
  | (Sourced & { type: "tech"; values: string[] });

export type SignalType = Signal["type"];

/** Where to report abuse of this provider's service. */
export interface CatalogueAbuse extends Sourced {
  email?: string;
  url?: string;
  phone?: string;
}

/** One provider (a service, not always a whole company: CloudFront and AWS are two entries). */
export interface ProviderEntry {
  /** Stable kebab-case id; becomes `Provider.id`. */
  id: string;
  /** Canonical name shown in the profile. */
  name: string;
  kinds: ProviderKind[];
  website: string;
  signals: Signal[];
  abuse: CatalogueAbuse | null;
  /**
   * The same company's network entry, for a service whose addresses sit in it (CloudFront →
   * aws, WordPress VIP → automattic); its abuse channel stands in when this entry has none.
   */
  network?: string;
  /**
   * Other companies' networks that the provider's listed addresses are announced from or
   * registered to (Netlify's load balancer address is AWS space): there, a registrant or AS
   * other than the provider's own does not contradict the listed prefix.
   */
  runsOn?: string[];
  /**
   * Anyone can rent addresses in this network (a public cloud): an address in it says nothing
   * about which of the company's own services, if any, runs there.
   */
  rentable?: true;
  /**
   * The company that owns the service, when its network is not where the service runs (Sucuri
   * is GoDaddy's): its abuse channel is the last stand-in before the RDAP data.
   */
  owner?: Sourced & { id: string };
  /**
   * The provider publishes every address its edge answers from (Cloudflare's /ips) and the
   * catalogue lists them all: an address outside them is not its edge, even when nothing else
   * is known about the address.
   */
  completeRanges?: Sourced;
  /**
   * The CDN runs edge servers inside other companies' networks (Akamai's inside ISPs): its
   * headers from an address owned by somebody else may be genuine.
   */
  edgesElsewhere?: Sourced;
}
