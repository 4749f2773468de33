import type { Profile } from "./types.js";

/** True when DNS returned nothing at all for the target (no record of any type). */
export function hasNoDns(p: Profile): boolean {
  const d = p.dns;
  return (
    d.a.length + d.aaaa.length + d.cname.length + d.ns.length + d.mx.length + d.txt.length === 0 &&
    d.soa === null
  );
}

/**
 * True for a domain nobody registered: DNS says the name does not exist and the registry,
 * asked, has no record of it (an answer, not a failure to ask).
 */
export function isUnregistered(p: Profile): boolean {
  return (
    p.registration === null &&
    p.sources.registration?.status === "empty" &&
    p.errors.some((e) => e.source === "dns" && e.code === "NXDOMAIN") &&
    p.errors.some((e) => (e.source === "rdap" || e.source === "whois") && e.code === "NOT_FOUND") &&
    hasNoDns(p)
  );
}
