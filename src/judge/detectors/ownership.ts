// Who owns a network: a catalogue entry (by listed prefix, AS number or registrant), else the
// organisation the registry data names; and whether a registrant is a given provider.

import {
  type ProviderEntry,
  providerByAddress,
  providerByAsn,
  providerById,
} from "../../catalogue/index.js";
import type { NetworkEntry } from "../../profile/types.js";
import { sameAddress } from "../../util/same-address.js";

/** A network that is the provider's own: its AS is the provider's, or the RIR registers the block
 * to it (Zoho's MX hosts, whose AS the catalogue does not list). */
export function ownNetwork(net: NetworkEntry, entry: ProviderEntry): boolean {
  return providerByAsn(net.asn)?.id === entry.id || registeredTo(net.org, entry.name);
}

/**
 * True when the network data supports a prefix the catalogue lists for `entry`: the RIR
 * registers the block to the provider (or its company), or the provider's AS announces it.
 * Either one is enough (Shopify's own block is announced by Cloudflare; Imperva's blocks are
 * registered to Incapsula but announced from Imperva's AS); without either, a range that has
 * been reassigned since would name the wrong company. With no network data at all, the list
 * stands.
 */
export function prefixAgrees(net: NetworkEntry, entry: ProviderEntry): boolean {
  // Nothing known contradicts it: the list stands.
  if (!net.org && net.asn == null) return true;
  const runsOn = (entry.runsOn ?? []).map((id) => providerById(id)).filter((c) => c !== undefined);
  const companies = [...sameCompany(entry), ...runsOn];
  const orgAgrees = companies.some((c) => registeredTo(net.org, c.name));
  const asOwner = providerByAsn(net.asn);
  return orgAgrees || (!!asOwner && companies.some((c) => c.id === asOwner.id));
}

/** The entry and the entries of the same company: its network (VIP → Automattic), its owner. */
export function sameCompany(entry: ProviderEntry): ProviderEntry[] {
  const ids = [entry.network, entry.owner?.id].filter((id) => id !== undefined);
  return [entry, ...ids.map((id) => providerById(id)).filter((c) => c !== undefined)];
}

/** "shopify" from "Shopify, Inc." or "Shopify": the lower-case name before any punctuation. */
function nameKey(name: string): string {
  return name.toLowerCase().split(/[^a-z0-9]+/)[0] ?? "";
}

/** Words a company's registered name may carry after its own name ("Amazon Technologies Inc."). */
const CORPORATE = new Set(
  (
    "inc incorporated llc ltd limited corp corporation co company plc gmbh ag sa sas sarl srl bv " +
    "nv oy ab as spa pty pte kk lp llp se com net org technologies technology services service " +
    "data web networks network computing cloud systems internet online hosting media group " +
    "holdings international global operations solutions labs ireland europe eu emea asia " +
    "pacific japan india singapore germany france uk us usa canada australia brazil korea " +
    "netherlands"
  ).split(" "),
);

/**
 * True when the RDAP organisation of a network is the provider: the same leading name word,
 * followed only by corporate words ("Shopify, Inc.", "Amazon.com, Inc." for Amazon; not
 * "Squarespace Fans e.V.", which any club could register).
 */
export function registeredTo(org: string | null, providerName: string): boolean {
  const key = nameKey(providerName);
  if (!org || key.length < 3) return false;
  const words = org
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words[0] === key && words.slice(1).every((w) => CORPORATE.has(w) || w.length <= 1);
}

/** Who owns a network entry: a catalogue entry (by listed prefix of a hosting-kind entry, else
 * by ASN) or, failing that, the organisation the registry data names. */
export interface NetworkOwner {
  entry: ProviderEntry | null;
  /** Catalogue id, else "org:<name>" so uncatalogued owners group too. */
  key: string;
  name: string;
  /** The catalogue prefix that placed the address, when that decided it. */
  prefix: string | null;
}

/** The owner of the network an address sits in, or null when nothing is known about it. */
export function ownerOf(net: NetworkEntry): NetworkOwner | null {
  const byPrefix = providerByAddress(net.ip);
  if (byPrefix?.entry.kinds.includes("hosting") && prefixAgrees(net, byPrefix.entry)) {
    return {
      entry: byPrefix.entry,
      key: byPrefix.entry.id,
      name: byPrefix.entry.name,
      prefix: byPrefix.prefix,
    };
  }
  const byAsn = providerByAsn(net.asn);
  if (byAsn) return { entry: byAsn, key: byAsn.id, name: byAsn.name, prefix: null };
  const name = clean(net.org) ?? clean(net.asName) ?? (net.asn != null ? `AS${net.asn}` : null);
  return name ? { entry: null, key: `org:${name.toLowerCase()}`, name, prefix: null } : null;
}

/** The owner of the network holding `prefer` (the address that answered), else the most common
 * owner among the networks (first seen wins a tie), with its networks. */
export function commonOwner(
  nets: NetworkEntry[],
  prefer: string | null = null,
): { owner: NetworkOwner; networks: NetworkEntry[] } | null {
  const groups = new Map<string, { owner: NetworkOwner; networks: NetworkEntry[] }>();
  for (const net of nets) {
    const owner = ownerOf(net);
    if (!owner) continue;
    const g = groups.get(owner.key) ?? { owner, networks: [] };
    g.networks.push(net);
    groups.set(owner.key, g);
  }
  let best: { owner: NetworkOwner; networks: NetworkEntry[] } | null = null;
  // The network that answered is where the response came from, however many others are listed.
  for (const g of groups.values())
    if (prefer !== null && g.networks.some((n) => sameAddress(n.ip, prefer))) return g;
  for (const g of groups.values()) if (!best || g.networks.length > best.networks.length) best = g;
  return best;
}

function clean(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
