// A domain's registration over RDAP: the registry first, then the registrar it links to
// (RFC 9083 §4.2 "related"), merged so the registrar's richer contact data wins.
import { HostscanError } from "../errors.js";
import type { ErrorEntry } from "../records.js";
import { type DomainFacts, decodeDomain } from "./decode-domain.js";
import { malformedFields } from "./malformed.js";
import type { RdapClient } from "./rdap-client.js";
import type { RdapAttempt } from "./types.js";

/** What RDAP says about a domain. */
export type RdapDomainResult =
  | {
      kind: "ok";
      facts: DomainFacts;
      /** Registry RDAP base URL (the profile's `registration.server`). */
      server: string;
      /** Registrar RDAP URL when the referral was followed successfully. */
      registrarServer: string | null;
      errors: ErrorEntry[];
      attempts: RdapAttempt[];
    }
  | {
      kind: "not-found" | "no-server" | "error";
      server: string | null;
      errors: ErrorEntry[];
      attempts: RdapAttempt[];
    };

function pick<T>(a: T | null, b: T | null): T | null {
  return a ?? b;
}

/** Registry facts overlaid with registrar facts where the registrar says more. */
export function mergeFacts(registry: DomainFacts, registrar: DomainFacts): DomainFacts {
  // In the registrar's own document a top-level abuse entity is the registrar's.
  const own = registrar.abuse ?? registrar.registryAbuse;
  const abuse =
    own || registry.abuse
      ? {
          email: pick(own?.email ?? null, registry.abuse?.email ?? null),
          phone: pick(own?.phone ?? null, registry.abuse?.phone ?? null),
          url: pick(own?.url ?? null, registry.abuse?.url ?? null),
        }
      : null;
  const rr = registry.registrar;
  const ar = registrar.registrar;
  return {
    ...registry,
    registrar:
      rr || ar
        ? {
            // The registry's name and IANA ID are the accredited ones; the registrar adds a URL.
            name: pick(rr?.name ?? null, ar?.name ?? null),
            ianaId: pick(rr?.ianaId ?? null, ar?.ianaId ?? null),
            url: pick(ar?.url ?? null, rr?.url ?? null),
          }
        : null,
    abuse,
    registrant: registrar.registrant ?? registry.registrant,
    privacyService: registrar.privacyService ?? registry.privacyService,
    status: registry.status.length ? registry.status : registrar.status,
    nameservers: registry.nameservers.length ? registry.nameservers : registrar.nameservers,
    created: registry.created ?? registrar.created,
    updated: registry.updated ?? registrar.updated,
    expires: registry.expires ?? registrar.expires,
    dnssec: registry.dnssec ?? registrar.dnssec,
    warnings: [...registry.warnings, ...registrar.warnings.map((w) => `registrar: ${w}`)],
  };
}

function entry(code: string, message: string): ErrorEntry {
  return { source: "rdap", code, message };
}

/** Looks a registrable domain (ASCII) up at its registry and its registrar. */
export async function lookupDomainRdap(
  client: RdapClient,
  domain: string,
  signal?: AbortSignal,
): Promise<RdapDomainResult> {
  const errors: ErrorEntry[] = [];
  const boot = await client.bootstrap.domain(domain);
  if (boot.error) errors.push(boot.error);
  const base = boot.urls[0];
  if (!base) {
    const tld = domain.split(".").pop();
    errors.push(entry("NO_RDAP_SERVER", `no RDAP server for .${tld} in the bootstrap`));
    return { kind: "no-server", server: null, errors, attempts: [] };
  }
  const res = await client.fetch(
    new URL(`domain/${encodeURIComponent(domain)}`, base).toString(),
    signal,
  );
  const attempts = [...res.attempts];
  const host = new URL(base).host;
  if (res.kind === "not-found") {
    errors.push(entry("NOT_FOUND", `${host}: no such domain ${domain} (HTTP 404)`));
    return { kind: "not-found", server: base, errors, attempts };
  }
  if (res.kind === "error") {
    errors.push(entry(res.error.code, res.error.message));
    return { kind: "error", server: base, errors, attempts };
  }
  let facts = decodeDomain(res.body);
  errors.push(...malformedFields(res.url, [...res.notes, ...facts.warnings]));
  let registrarServer: string | null = null;
  // Follow the first registrar link that is not the document we already have.
  const related = facts.related.find((u) => u.toLowerCase() !== res.url.toLowerCase());
  if (related) {
    // The link is the registry's word, not the user's: vetted against private addresses first.
    const ref = await client.fetchReferral(related, signal);
    attempts.push(...ref.attempts);
    if (ref.kind === "ok") {
      const registrar = decodeDomain(ref.body);
      errors.push(...malformedFields(ref.url, [...ref.notes, ...registrar.warnings]));
      facts = mergeFacts(facts, registrar);
      registrarServer = ref.url;
    } else {
      // A failed registrar lookup keeps the registry data; say why the richer data is missing.
      const err =
        ref.kind === "error"
          ? ref.error
          : new HostscanError(
              "NOT_FOUND",
              `${new URL(related).host}: registrar has no record (HTTP 404)`,
            );
      // The registry answered: the profile stands without it, so this is only a warning.
      errors.push({ ...entry(err.code, `registrar RDAP: ${err.message}`), severity: "warning" });
    }
  }
  return { kind: "ok", facts, server: base, registrarServer, errors, attempts };
}
