// The site's platform: a hosted platform when its own signals are present (WordPress.com,
// Shopify, Wix…), else the site software from the fingerprints: software anyone can run is marked
// self-hosted with no abuse channel (self-hosted WordPress has no platform to report to, and
// Automattic is not it); a hosted-only (SaaS) product the catalogue lacks is named as a hosted
// service whose abuse channel is unknown. Technologies seen only in the zone's DNS records (an
// SOA at Vercel DNS) say where the zone is hosted, not what serves the site, and are ignored.

import { type ProviderEntry, providerById, providerByTechnology } from "../../catalogue/index.js";
import type { Provider, Technology } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { addHit, type Candidate, describeAddress, strongest, toProvider } from "./attribution.js";
import { ownerOf } from "./ownership.js";
import { noAbuse } from "./report-to.js";
import { addressHits, cnameHits, httpHits, siteAddresses } from "./site-signals.js";

const isPlatform = (entry: ProviderEntry) => entry.kinds.includes("platform");

/** Fingerprint categories that name the software a site runs on (Wappalyzer category names). */
const SITE_SOFTWARE = new Set([
  "cms",
  "ecommerce",
  "blogs",
  "wikis",
  "message boards",
  "static site generator",
  "documentation",
  "lms",
]);

/** The platform of the site, or null when nothing shows one. */
export function detectPlatform(e: Evidence): Provider | null {
  const own = e.technologies.filter((t) => !t.thirdParty && !dnsOnly(t));
  const found = new Map<string, Candidate>();
  addressHits(e, isPlatform, found);
  cnameHits(e, isPlatform, found);
  httpHits(e, isPlatform, found);
  for (const t of own) {
    const entry = providerByTechnology(t.name);
    // The fingerprint reads the same response as the header rules: one channel with them.
    if (entry && isPlatform(entry))
      addHit(found, entry, { channel: "http", evidence: `technology ${label(t)}` });
  }
  // A platform already seen whose company's network answers: the address agrees with it,
  // unless anyone can rent addresses there (a fingerprint on a Google Cloud VM is not Blogger).
  for (const c of found.values()) {
    const parent = c.entry.network ? providerById(c.entry.network) : undefined;
    if (!parent || parent.rentable) continue;
    for (const net of siteAddresses(e)) {
      if (ownerOf(net)?.key === parent.id) {
        addHit(found, c.entry, { channel: "network", evidence: describeAddress(net) }, net);
      }
    }
  }
  const best = strongest(found.values());
  if (best) return toProvider(best);
  return siteSoftware(own);
}

/** True when only the dataset's DNS rules (directly or through `implies`) showed it. */
export function dnsOnly(t: Technology): boolean {
  const kinds = (t.via ?? []).filter((k) => k !== "implied");
  return kinds.length > 0 && kinds.every((k) => k === "dns");
}

/** True when the dataset says it is a hosted offering and not software anyone may run. */
function hostedOnly(t: Technology): boolean {
  return t.saas === true && t.oss !== true;
}

/** The site software the fingerprints show: self-hosted, or a hosted service not catalogued. */
function siteSoftware(techs: Technology[]): Provider | null {
  // On a tie the software a site can run itself wins: a plugin the dataset lists as SaaS (Dokan on
  // WordPress) does not make WordPress a hosted service.
  const software = techs
    .filter((t) => t.categories.some((c) => SITE_SOFTWARE.has(c.toLowerCase())))
    .sort(
      (a, b) => b.confidence - a.confidence || Number(hostedOnly(a)) - Number(hostedOnly(b)),
    )[0];
  if (!software) return null;
  if (hostedOnly(software)) {
    return {
      name: software.name,
      asn: null,
      // Its vendor runs it, but who that is and where to report is not in the catalogue.
      confidence: software.confidence >= 50 ? "medium" : "low",
      evidence: [
        `technology ${label(software)}`,
        "the fingerprint data lists it as a hosted (SaaS) service; its abuse channel is unknown",
      ],
      abuse: noAbuse(),
      note: "hosted service",
    };
  }
  return {
    name: software.name,
    asn: null,
    confidence: software.confidence >= 100 ? "high" : software.confidence >= 50 ? "medium" : "low",
    evidence: [
      `technology ${label(software)}`,
      "no hosted-platform signal: run by the site itself",
    ],
    abuse: noAbuse(),
    note: "self-hosted",
  };
}

function label(t: Technology): string {
  return `${t.name}${t.version ? ` ${t.version}` : ""} detected (confidence ${t.confidence})`;
}
