// Who runs the TLD: the operator IANA's root zone database names (via whois.iana.org), with
// the registry's own abuse channel where its RDAP publishes one. For ccTLDs the registry is
// the escalation path when a registrar does not act (or, like DENIC, names none).

import type { AbuseSource, Provider } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { serverHost } from "./registrar.js";
import { usable } from "./report-to.js";

/** Two ASCII letters: a country-code TLD (IDN ccTLDs cannot be told from IDN gTLDs by name). */
function isCcTld(tld: string): boolean {
  return /^[a-z]{2}$/i.test(tld);
}

/** The TLD's registry operator, or null when it is not known. */
export function detectRegistry(evidence: Evidence): Provider | null {
  const reg = evidence.registration?.registration;
  if (!reg?.registry) return null;
  const tld = evidence.target.domain.split(".").pop() ?? "";
  const items = [`IANA root zone database: .${tld} operated by ${reg.registry}`];
  const via = reg.source === "rdap" ? "RDAP" : "WHOIS";
  items.push(`${via} ${serverHost(reg.server)}: the .${tld} registry's server`);
  let abuse = evidence.registration?.registryAbuse ?? null;
  let abuseSource: AbuseSource | undefined;
  if (usable(abuse)) {
    items.push(`${via}: the registry's abuse contact ${abuse.email ?? abuse.url ?? abuse.phone}`);
    abuseSource = {
      kind: reg.source === "rdap" ? "registry-rdap" : "registry-whois",
      servers: [serverHost(reg.server)],
    };
  } else if (isCcTld(tld) && usable(evidence.registration?.tldContact)) {
    // A ccTLD manager is answerable for its zone; IANA lists how to reach it.
    abuse = evidence.registration.tldContact;
    const how = abuse.email ?? abuse.phone ?? abuse.url;
    items.push(`IANA root zone database: the .${tld} manager's administrative contact ${how}`);
    abuseSource = { kind: "iana", tld };
  }
  return {
    name: reg.registry,
    asn: null,
    confidence: "high",
    evidence: items,
    abuse: {
      email: abuse?.email ?? null,
      url: abuse?.url ?? null,
      phone: abuse?.phone ?? null,
    },
    ...(abuseSource ? { abuseSource } : {}),
  };
}
