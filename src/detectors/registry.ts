// Who runs the TLD: the operator IANA's root zone database names (via whois.iana.org), with
// the registry's own abuse channel where its RDAP publishes one. For ccTLDs the registry is
// the escalation path when a registrar does not act.
import type { Evidence } from "../evidence.js";
import type { Provider } from "../profile/types.js";
import { serverHost } from "./registrar.js";

/** The TLD's registry operator, or null when it is not known. */
export function detectRegistry(evidence: Evidence): Provider | null {
  const reg = evidence.registration?.registration;
  if (!reg?.registry) return null;
  const tld = evidence.target.domain.split(".").pop() ?? "";
  const items = [`IANA root zone database: .${tld} operated by ${reg.registry}`];
  const via = reg.source === "rdap" ? "RDAP" : "WHOIS";
  items.push(`${via} ${serverHost(reg.server)}: the .${tld} registry's server`);
  const abuse = evidence.registration?.registryAbuse ?? null;
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
  };
}
