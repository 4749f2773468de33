// The network (AS) the site's addresses belong to. Behind a CDN that is the CDN's network and the
// evidence says the origin is hidden, unless the response shows an origin host's own headers.

import { matchHeaders, type ProviderEntry, providerByAddress } from "../../catalogue/index.js";
import type { NetworkEntry, Provider } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import {
  type Candidate,
  candidateConfidence,
  describeAddress,
  shortValue,
  strongest,
} from "./attribution.js";
import { type Derived, derive } from "./derived.js";
import { commonOwner, type NetworkOwner, registeredTo, sameCompany } from "./ownership.js";
import { ownerProvider, reportTo } from "./report-to.js";
import { hostAddresses, siteAddresses } from "./site-signals.js";

/** The hosting network of the site, or null when its addresses are unknown. */
export function detectHosting(e: Evidence, derived: Derived = derive(e)): Provider | null {
  const nets = siteAddresses(e);
  // The network that answered the request is the host, however many others are listed.
  const found = commonOwner(nets, e.http?.section.remoteAddress ?? null);
  if (!found) return null;
  const { owner, networks } = found;
  // Addresses elsewhere are named: the zone may list a CDN's address beside its own server.
  const elsewhere = nets
    .filter((n) => !networks.includes(n))
    .map((n) => `also ${describeAddress(n)}${n.org ? ` registered to ${n.org}` : ""}`);
  // A CDN shown by hints alone (Google's `via: 1.1 google`) is not known to hide the origin.
  const confirmed = derived.cdnCandidates.filter((c) => candidateConfidence(c) !== "low");
  const front = strongest(confirmed);
  const cdn = front?.entry ?? null;
  const addressLines = networks.map((n) => {
    // Each address cites its own listed range (GitHub Pages' IPv4 and IPv6 ranges differ).
    const range = owner.prefix ? providerByAddress(n.ip) : undefined;
    return range?.entry === owner.entry
      ? `${describeAddress(n)}, in ${owner.name} range ${range.prefix}`
      : describeAddress(n);
  });
  const leads = [...otherRegistrants(owner, networks), ...elsewhere, ...redirected(e)];
  const evidence = [...addressLines, ...leads];
  if (front && cdn && edgeElsewhere(front, owner)) {
    // The site's name leads into the CDN's own zone, so these addresses are its edge servers,
    // placed inside another network (Akamai's servers inside ISPs): the CDN hides the origin.
    return {
      name: cdn.name,
      asn: null,
      confidence: "medium",
      evidence: [
        ...addressLines.map((line) => `${line}: an edge server of ${cdn.name}`),
        ...leads,
        `origin hidden behind ${cdn.name}`,
      ],
      ...reportTo(cdn, []),
      id: cdn.id,
      note: "origin hidden",
    };
  }
  const origin = originHeaders(e, owner, cdn);
  const result = hostingProvider(owner, networks, evidence, cdn, origin);
  // A split across networks is one signal among several, not a certainty.
  if (elsewhere.length > 0 && result.confidence === "high") result.confidence = "medium";
  return result;
}

function hostingProvider(
  owner: NetworkOwner,
  networks: NetworkEntry[],
  evidence: string[],
  cdn: ProviderEntry | null,
  origin: { entry: ProviderEntry; text: string }[],
): Provider {
  if (cdn && hides(cdn, owner)) {
    // Headers of another host are the origin's own claim, passed through the CDN: the origin
    // stays hidden, and only the CDN can say where it is.
    const claims = origin
      .filter((h) => h.entry.id !== owner.key)
      .map(
        (h) =>
          `${h.text}: the origin claims to be at ${h.entry.name} (unverifiable through ${cdn.name})`,
      );
    const own = origin.filter((h) => h.entry.id === owner.key).map((h) => h.text);
    if (own.length > 0 && claims.length === 0) {
      return ownerProvider(owner, networks, [...evidence, ...own], "high");
    }
    const hidden = [...evidence, ...claims, `origin hidden behind ${cdn.name}`];
    return { ...ownerProvider(owner, networks, hidden, "medium"), note: "origin hidden" };
  }
  const own = origin.filter((h) => h.entry.id === owner.key).map((h) => h.text);
  const extra = cdn && cdn.id !== owner.key ? [`served through ${cdn.name}`] : [];
  // A catalogued network is a known host; an organisation named only by the registry data is
  // what that data says.
  const confidence = owner.entry ? "high" : "medium";
  return ownerProvider(owner, networks, [...evidence, ...own, ...extra], confidence);
}

/** When the final page came from another name of the site, where the target host itself points. */
function redirected(e: Evidence): string[] {
  const section = e.http?.section;
  const answered = e.answering?.network;
  if (!section || !answered) return [];
  const from = e.target.host;
  let to = section.finalUrl;
  try {
    to = new URL(section.finalUrl).hostname;
  } catch {}
  // Same name, another address (--connect-to, or a changed DNS answer): no redirect to speak of.
  if (to === from) return [`the page came from ${answered.ip}`];
  const own = hostAddresses(e).map((n) => describeAddress(n));
  return [
    `the final page came from ${to} at ${answered.ip}, after a redirect from ${from}`,
    ...(own.length > 0 ? [`${from} itself points to ${own.join(", ")}`] : []),
  ];
}

/**
 * Blocks the RIR registers to someone other than the catalogued owner (a reseller's
 * reassignment, the cloud a platform runs on): their holder and contact are leads, not the
 * owner's own channel, so they are named in the evidence only.
 */
function otherRegistrants(owner: NetworkOwner, networks: NetworkEntry[]): string[] {
  if (!owner.entry) return [];
  const companies = sameCompany(owner.entry);
  const out: string[] = [];
  for (const n of networks) {
    if (!n.org || companies.some((c) => registeredTo(n.org, c.name))) continue;
    const contact = n.abuse?.email ?? n.abuse?.url ?? n.abuse?.phone;
    const line = `${n.prefix ?? n.ip} is registered to ${n.org}${contact ? ` (RDAP abuse contact ${contact})` : ""}`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

/** True when a CNAME into the CDN's zone confirms it but the addresses are another network's. */
function edgeElsewhere(front: Candidate, owner: NetworkOwner): boolean {
  const cdn = front.entry;
  if (cdn.kinds.includes("hosting") || hides(cdn, owner)) return false;
  return front.hits.some((h) => h.channel === "dns" && !h.weak);
}

/** True when the CDN's network is the one that answered (its own AS, or the cloud it runs in),
 * and the CDN is not itself where sites are hosted (Vercel and Netlify are). */
function hides(cdn: ProviderEntry, owner: NetworkOwner): boolean {
  if (cdn.kinds.includes("hosting")) return false;
  return owner.key === cdn.id || (cdn.network !== undefined && owner.key === cdn.network);
}

/** Headers of hosting providers (the answering network's or another's) on the final response. */
function originHeaders(e: Evidence, owner: NetworkOwner, cdn: ProviderEntry | null) {
  if (!e.http) return [];
  return matchHeaders(e.http.section.headers)
    .filter((h) => h.entry.kinds.includes("hosting") && h.entry.id !== cdn?.id)
    .filter((h) => h.entry.id === owner.key || !h.entry.kinds.includes("cdn"))
    .map((h) => ({
      entry: h.entry,
      text: h.pattern ? `header ${h.header}: ${shortValue(h.value)}` : `header ${h.header} present`,
    }));
}
