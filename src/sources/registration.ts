// The registration source: RDAP at the registry (and the registrar it links to), WHOIS where
// the TLD has no RDAP, and the TLD's operator from IANA's root zone database.
import { memo } from "../clients/cache/memo.js";
import { lookupDomainRdap } from "../clients/rdap/domain-lookup.js";
import { lookupDomainWhois } from "../clients/whois/domain-lookup.js";
import { ErrorGroups, uniqueErrors } from "../profile/errors.js";
import type { ErrorEntry, Registration } from "../profile/types.js";
import type { Context } from "../scan/context.js";
import type { RegistrationEvidence } from "./evidence.js";
import type { Source, SourceInput, SourceResult } from "./types.js";

// Registrable domains whose registration a run remembers (a list of subdomains asks once).
const MAX_DOMAINS = 2048;

/** Registration facts for the target's registrable domain, once per domain per run; never throws. */
export const registrationSource: Source<RegistrationEvidence> = {
  gather(ctx, input) {
    const domain = input.target.domain;
    if (!domain) return gatherFresh(ctx, input);
    // A failed lookup (timeout, rate limit, this target's deadline) is not served to the next.
    return memo(
      ctx.registrations,
      domain,
      () => gatherFresh(ctx, input),
      (outcome) =>
        outcome.status !== "error" &&
        !outcome.errors.some((e) => ErrorGroups.transient.has(e.code)),
      MAX_DOMAINS,
    );
  },
};

async function gatherFresh(
  ctx: Context,
  input: SourceInput,
): Promise<SourceResult<RegistrationEvidence>> {
  const domain = input.target.domain;
  const done = (
    status: SourceResult<RegistrationEvidence>["status"],
    value: RegistrationEvidence | null,
    errors: ErrorEntry[],
  ): SourceResult<RegistrationEvidence> => ({
    status,
    value,
    errors: uniqueErrors(errors),
  });
  if (!domain) return done("skipped", null, []);
  const tld = domain.split(".").pop() ?? domain;
  // IANA's facts about the TLD (its operator) are asked alongside, once per run per TLD.
  const ianaP = ctx.whois.tld(tld, input.signal);
  const rdap = await lookupDomainRdap(ctx.rdap, domain, input.signal);
  const iana = await ianaP;
  const registryName = iana.kind === "ok" ? iana.facts.organisation : null;
  const tldContact = iana.kind === "ok" ? iana.facts.contact : null;
  // Without IANA's answer the registry operator stays unknown: say why.
  const ianaErrors: ErrorEntry[] =
    iana.kind === "error"
      ? [
          {
            source: "whois",
            code: iana.result.error.code,
            message: `IANA WHOIS: ${iana.result.error.message}`,
          },
        ]
      : [];

  if (rdap.kind === "ok") {
    const f = rdap.facts;
    const registration: Registration = {
      source: "rdap",
      server: rdap.server,
      registrar: f.registrar,
      registry: registryName,
      created: f.created,
      updated: f.updated,
      expires: f.expires,
      status: f.status,
      nameservers: f.nameservers,
      dnssec: f.dnssec,
      registrant: f.registrant,
      abuse: f.abuse,
    };
    const value = {
      registration,
      registryAbuse: f.registryAbuse,
      privacyService: f.privacyService,
      tldContact,
      registrarServer: rdap.registrarServer,
    };
    return done("ok", value, [...rdap.errors, ...ianaErrors]);
  }
  if (rdap.kind === "not-found") return done("empty", null, rdap.errors);

  // No RDAP server for the TLD (e.g. .de), or RDAP failed: ask WHOIS.
  const whois = await lookupDomainWhois(ctx.whois, domain, input.signal);
  // "No RDAP server" is the normal path for such TLDs: only worth saying when WHOIS has none either.
  const noService = whois.errors.some((e) => e.code === "NO_WHOIS_SERVER");
  const rdapErrors =
    rdap.kind === "no-server" && !noService
      ? rdap.errors.filter((e) => e.code !== "NO_RDAP_SERVER")
      : rdap.errors;
  const errors = [...rdapErrors, ...whois.errors];
  if (whois.kind !== "ok")
    return done(whois.kind === "not-found" ? "empty" : "error", null, errors);
  const w = whois.facts;
  const registrar =
    w.registrar || w.ianaId ? { name: w.registrar, ianaId: w.ianaId, url: w.registrarUrl } : null;
  const registrant =
    w.registrantOrg || w.registrantCountry || w.privacy
      ? {
          organization: w.registrantOrg,
          country: w.registrantCountry,
          ...(w.privacy ? { privacy: true } : {}),
        }
      : null;
  const abuse =
    w.abuseEmail || w.abusePhone ? { email: w.abuseEmail, phone: w.abusePhone, url: null } : null;
  const registration: Registration = {
    source: "whois",
    server: whois.server,
    registrar,
    registry: whois.registryName ?? registryName,
    created: w.created,
    updated: w.updated,
    expires: w.expires,
    status: w.status,
    nameservers: w.nameservers,
    dnssec: w.dnssec,
    registrant,
    abuse,
  };
  return done(
    "ok",
    {
      registration,
      registryAbuse: null,
      privacyService: w.privacyService,
      tldContact,
      registrarServer: whois.registrarServer,
    },
    errors,
  );
}
