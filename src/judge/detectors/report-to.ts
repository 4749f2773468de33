// Where to report a provider: the catalogue's channel, the same company's, a block registered to
// it in the RDAP data, or the company that owns it; with `abuseSource` saying which.

import {
  catalogueAbuse,
  type ProviderEntry,
  providerByAsn,
  providerById,
} from "../../catalogue/index.js";
import type {
  AbuseContact,
  AbuseSource,
  Confidence,
  NetworkEntry,
  Provider,
} from "../../profile/types.js";
import { type NetworkOwner, registeredTo, sameCompany } from "./ownership.js";

/** An abuse contact with every field null (the contract requires the object). */
export function noAbuse(): AbuseContact {
  return { email: null, url: null, phone: null };
}

/** True when the contact carries at least one way to write. */
export function usable(a: AbuseContact | null | undefined): a is AbuseContact {
  return !!a && (!!a.email || !!a.url || !!a.phone);
}

/** A provider's abuse contact and, when there is one, where it comes from (`abuseSource`). */
export function reportTo(
  entry: ProviderEntry | null,
  networks: NetworkEntry[],
): { abuse: AbuseContact; abuseSource?: AbuseSource } {
  const fromCatalogue = entry ? catalogued(entry) : null;
  if (fromCatalogue) return fromCatalogue;
  // The same company's network entry (WordPress VIP → Automattic) takes reports for it.
  const parent = entry?.network ? providerById(entry.network) : undefined;
  const fromParent = parent ? catalogued(parent) : null;
  if (entry && parent && fromParent) {
    return {
      abuse: fromParent.abuse,
      abuseSource: { ...fromParent.abuseSource, via: { name: parent.name, relation: "runs" } },
    };
  }
  const owner = entry?.owner ? providerById(entry.owner.id) : undefined;
  const fromRdap = rdapContact(entry, networks);
  if (fromRdap) return fromRdap;
  // The company that owns the service (Sucuri is GoDaddy's) takes reports for it.
  const fromOwner = owner ? catalogued(owner) : null;
  if (entry?.owner && owner && fromOwner) {
    return {
      abuse: fromOwner.abuse,
      abuseSource: {
        ...fromOwner.abuseSource,
        via: { name: owner.name, relation: "owns", source: entry.owner.source },
      },
    };
  }
  return { abuse: noAbuse() };
}

/** The RDAP abuse contact of a block registered to the provider (or its company). */
function rdapContact(
  entry: ProviderEntry | null,
  networks: NetworkEntry[],
): { abuse: AbuseContact; abuseSource: AbuseSource } | null {
  // Only a block the RIR registers to the provider (or its company) carries its contact: a
  // reseller's reassignment inside its AS, or its address in AWS, is somebody else's. Without a
  // registrant, the provider's own AS has to speak for it. An owner named from the registry data
  // itself (no catalogue entry) is that data's organisation.
  const companies = entry ? sameCompany(entry) : [];
  const own = entry
    ? networks.filter((n) =>
        n.org
          ? companies.some((c) => registeredTo(n.org, c.name))
          : companies.some((c) => c.id === providerByAsn(n.asn)?.id),
      )
    : networks;
  const net = own.find((n) => usable(n.abuse));
  if (!net?.abuse) return null;
  const { email, url, phone } = net.abuse;
  return {
    abuse: { email, url, phone },
    abuseSource: {
      kind: "network-rdap",
      address: net.ip,
      ...(net.org ? { holder: net.org } : {}),
    },
  };
}

/** The catalogue's own abuse channel of an entry, with its source. */
function catalogued(
  entry: ProviderEntry,
): { abuse: AbuseContact; abuseSource: AbuseSource } | null {
  const abuse = catalogueAbuse(entry);
  if (!abuse || !entry.abuse) return null;
  return {
    abuse,
    abuseSource: {
      kind: "catalogue",
      url: entry.abuse.source,
      ...(entry.abuse.unverified ? { secondary: true } : {}),
    },
  };
}

/** The profile's Provider for the owner of some networks, with its contact. */
export function ownerProvider(
  owner: NetworkOwner,
  networks: NetworkEntry[],
  evidence: string[],
  confidence: Confidence,
): Provider {
  const provider: Provider = {
    name: owner.name,
    asn: networks.find((n) => n.asn != null)?.asn ?? null,
    confidence,
    evidence,
    ...reportTo(owner.entry, networks),
  };
  if (owner.entry) provider.id = owner.entry.id;
  return provider;
}
