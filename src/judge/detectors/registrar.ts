// Who sold the domain: the registrar the registry's own RDAP/WHOIS data names.

import type { AbuseContact, Provider } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";

const NO_ABUSE: AbuseContact = { email: null, url: null, phone: null };

/** "rdap.verisign.com" from a base URL, or a WHOIS host as given. */
export function serverHost(server: string | null): string {
  if (!server) return "unknown server";
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

/** The registrar, with its abuse contact from the registrar's abuse entity; null when unnamed. */
export function detectRegistrar(evidence: Evidence): Provider | null {
  const reg = evidence.registration?.registration;
  const registrar = reg?.registrar;
  if (!reg || !registrar?.name) return null;
  const via = reg.source === "rdap" ? "RDAP" : "WHOIS";
  const what = reg.source === "rdap" ? "registrar entity" : "Registrar field";
  const id = registrar.ianaId ? `, IANA ID ${registrar.ianaId}` : "";
  const items = [`${via} ${serverHost(reg.server)}: ${what}${id}`];
  if (reg.abuse?.email || reg.abuse?.phone) {
    items.push(`${via}: registrar abuse contact ${reg.abuse.email ?? reg.abuse.phone}`);
  }
  const service = evidence.registration?.privacyService;
  const contact = reg.abuse && (reg.abuse.email || reg.abuse.phone || reg.abuse.url);
  // The registrar's own answer (followed from the registry's referral) may be where it came from.
  const referred = evidence.registration?.registrarServer;
  const servers = [serverHost(reg.server), ...(referred ? [serverHost(referred)] : [])];
  return {
    name: registrar.name,
    asn: null,
    // Registry data is the authoritative record of the sponsoring registrar.
    confidence: "high",
    evidence: items,
    abuse: reg.abuse ? { ...NO_ABUSE, ...reg.abuse } : { ...NO_ABUSE },
    ...(contact
      ? {
          abuseSource: {
            kind: reg.source === "rdap" ? "registrar-rdap" : "registrar-whois",
            servers,
          },
        }
      : {}),
    ...(service ? { note: `registrant behind privacy service ${service}` } : {}),
  };
}
