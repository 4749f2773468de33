// A domain's registration over port-43 WHOIS, for TLDs without RDAP: IANA names the TLD's
// server, the registry answers, and a thin registry's "Registrar WHOIS Server" is followed once.
import type { ErrorEntry } from "../records.js";
import { parseWhoisDomain, type WhoisFacts } from "./parse.js";
import type { WhoisClient } from "./whois-client.js";

/** What WHOIS says about a domain. */
export type WhoisDomainResult =
  | {
      kind: "ok";
      facts: WhoisFacts;
      server: string;
      /** The registrar's WHOIS server when the registry's referral was followed. */
      registrarServer: string | null;
      registryName: string | null;
      errors: ErrorEntry[];
    }
  | {
      kind: "not-found" | "error";
      server: string | null;
      registryName: string | null;
      errors: ErrorEntry[];
    };

function entry(code: string, message: string): ErrorEntry {
  return { source: "whois", code, message };
}

// A capped answer is parsed from its start; the profile says it was cut.
function truncation(res: { truncated: boolean; text: string }, server: string): ErrorEntry[] {
  if (!res.truncated) return [];
  const message = `${server}: answer cut after ${res.text.length} characters; parsed what came first`;
  return [{ source: "whois", code: "TRUNCATED", message, severity: "warning" }];
}

/** Registry facts with the registrar's answer laid over them where it says more. */
export function mergeWhois(registry: WhoisFacts, registrar: WhoisFacts): WhoisFacts {
  return {
    ...registry,
    registrar: registry.registrar ?? registrar.registrar,
    ianaId: registry.ianaId ?? registrar.ianaId,
    registrarUrl: registry.registrarUrl ?? registrar.registrarUrl,
    abuseEmail: registrar.abuseEmail ?? registry.abuseEmail,
    abusePhone: registrar.abusePhone ?? registry.abusePhone,
    registrantOrg: registrar.registrantOrg ?? registry.registrantOrg,
    registrantCountry: registrar.registrantCountry ?? registry.registrantCountry,
    privacy: registrar.privacy || registry.privacy,
    privacyService: registrar.privacyService ?? registry.privacyService,
  };
}

const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d+)?$/i;

/** Looks a registrable domain up over WHOIS: IANA → registry → (one) registrar referral. */
export async function lookupDomainWhois(
  client: WhoisClient,
  domain: string,
  signal?: AbortSignal,
): Promise<WhoisDomainResult> {
  const errors: ErrorEntry[] = [];
  const tld = domain.split(".").pop() ?? domain;
  const iana = await client.tld(tld, signal);
  if (iana.kind === "error") {
    errors.push(entry(iana.result.error.code, `IANA WHOIS: ${iana.result.error.message}`));
    return { kind: "error", server: null, registryName: null, errors };
  }
  const registryName = iana.facts.organisation;
  const server = iana.facts.whois;
  if (!server) {
    errors.push(entry("NO_WHOIS_SERVER", `IANA lists no WHOIS server for .${tld}`));
    return { kind: "error", server: null, registryName, errors };
  }
  const res = await client.query(server, domain, signal);
  if (res.kind === "error") {
    errors.push(entry(res.error.code, res.error.message));
    return { kind: "error", server, registryName, errors };
  }
  errors.push(...truncation(res, server));
  let facts = parseWhoisDomain(res.text, domain);
  if (facts.throttled) {
    errors.push(entry("RATE_LIMITED", `${server}: query limit reached`));
    return { kind: "error", server, registryName, errors };
  }
  if (facts.notFound) {
    errors.push(entry("NOT_FOUND", `${server}: no such domain ${domain}`));
    return { kind: "not-found", server, registryName, errors };
  }
  const referral = facts.referral?.toLowerCase();
  let registrarServer: string | null = null;
  if (referral && HOSTNAME.test(referral) && referral !== server.toLowerCase()) {
    // The registry's word, not the user's: port 43 only, vetted against private addresses.
    const ref = await client.queryReferral(referral, domain, signal);
    if (ref.kind === "ok") {
      errors.push(...truncation(ref, referral));
      const registrarFacts = parseWhoisDomain(ref.text, domain);
      if (!registrarFacts.notFound && !registrarFacts.throttled) {
        facts = mergeWhois(facts, registrarFacts);
        registrarServer = referral;
      }
    } else {
      // The registry answered: the profile stands without it, so this is only a warning.
      errors.push({
        ...entry(ref.error.code, `registrar WHOIS: ${ref.error.message}`),
        severity: "warning",
      });
    }
  }
  return { kind: "ok", facts, server, registrarServer, registryName, errors };
}
