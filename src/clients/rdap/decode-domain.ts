// An RDAP domain object (RFC 9083 §5.3) into the facts hostscan reports. Tolerant: unknown
// members are ignored, a member of the wrong type becomes a warning, nothing throws.

import { parseRegistryDate } from "../../util/registry-date.js";
import type { AbuseContact, Registration } from "../records.js";
import { allEntities, findAbuse, findRole } from "./entities.js";
import { isRedacted, privacyService } from "./redaction.js";
import { cleanIanaId, cleanText, cleanUrl } from "./sanitize.js";

/** What one RDAP domain answer says (registry's or registrar's): the profile's fields and more. */
export interface DomainFacts
  extends Pick<
    Registration,
    | "registrar"
    | "abuse"
    | "created"
    | "updated"
    | "expires"
    | "status"
    | "nameservers"
    | "dnssec"
    | "registrant"
  > {
  /** A top-level abuse entity: the channel of whoever published the document. */
  registryAbuse: AbuseContact | null;
  privacyService: string | null;
  /** Registrar RDAP URLs from `links` (rel "related", an RDAP/JSON media type). */
  related: string[];
  warnings: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(doc: Record<string, unknown>, key: string, warnings: string[]): unknown[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  warnings.push(`"${key}" is not an array; ignored`);
  return [];
}

function relatedLinks(doc: Record<string, unknown>, warnings: string[]): string[] {
  const out: string[] = [];
  for (const link of list(doc, "links", warnings)) {
    if (!isObject(link) || String(link.rel).toLowerCase() !== "related") continue;
    const type = typeof link.type === "string" ? link.type.toLowerCase() : "";
    const href = cleanUrl(link.href);
    if (!href) continue;
    // Skip web pages (text/html); an untyped link counts when it looks like an RDAP path.
    const rdapType = type.includes("rdap+json") || type.includes("application/json");
    if (rdapType || (!type && /\/domain\//i.test(href))) out.push(href);
  }
  return [...new Set(out)].slice(0, 3);
}

function registrant(doc: unknown): Pick<DomainFacts, "registrant" | "privacyService"> {
  const entity = findRole(doc, "registrant");
  if (!entity) return { registrant: null, privacyService: null };
  const { card } = entity;
  const name = card.org ?? (card.kind === "org" || card.kind === "group" ? card.fn : null);
  const candidates = [card.org, card.fn].filter((v): v is string => v !== null);
  const service = candidates.map(privacyService).find((s) => s) ?? null;
  const redacted = candidates.some(isRedacted) || service !== null;
  const organization = name && !isRedacted(name) ? name : null;
  const registrant = {
    organization,
    country: card.country,
    ...(redacted ? { privacy: true } : {}),
  };
  return { registrant, privacyService: service };
}

/** Decodes one RDAP domain document; `warnings` lists what was malformed. */
export function decodeDomain(body: unknown): DomainFacts {
  const warnings: string[] = [];
  const doc = isObject(body) ? body : {};
  if (!isObject(body)) warnings.push("answer is not a JSON object");
  const registrarEntity = findRole(doc, "registrar");
  let registrar: DomainFacts["registrar"] = null;
  if (registrarEntity) {
    const ids = Array.isArray(registrarEntity.raw.publicIds) ? registrarEntity.raw.publicIds : [];
    const iana = ids.find((p) => isObject(p) && /iana registrar id/i.test(String(p.type)));
    const { card } = registrarEntity;
    registrar = {
      name: card.fn ?? card.org,
      ianaId: isObject(iana) ? cleanIanaId(iana.identifier) : null,
      url: card.url,
    };
  }
  const events: Record<string, string | null> = {};
  for (const e of list(doc, "events", warnings)) {
    if (!isObject(e) || typeof e.eventAction !== "string") continue;
    events[e.eventAction.toLowerCase()] ??= parseRegistryDate(e.eventDate);
  }
  const status = list(doc, "status", warnings)
    .map((s) => cleanText(s, 80))
    .filter((s): s is string => s !== null);
  const nameservers = list(doc, "nameservers", warnings)
    .map((n) => (isObject(n) ? cleanText(n.ldhName ?? n.unicodeName, 253) : null))
    .filter((n): n is string => n !== null)
    .map((n) => n.toLowerCase().replace(/\.$/, ""))
    // A delegation lists a handful; a hostile answer could list thousands.
    .slice(0, 20);
  const secure = doc.secureDNS;
  let dnssec: boolean | null = null;
  if (isObject(secure) && typeof secure.delegationSigned === "boolean") {
    dnssec = secure.delegationSigned;
  } else if (secure !== undefined) {
    warnings.push('"secureDNS.delegationSigned" is missing or not a boolean');
  }
  const registryAbuse =
    allEntities(doc)
      .filter((e) => e.roles.includes("abuse") && e.depth === 0)
      .map((e) => ({
        email: e.card.emails[0] ?? null,
        phone: e.card.phones[0] ?? null,
        url: e.card.url,
      }))
      .find((c) => c.email || c.phone || c.url) ?? null;
  return {
    registrar,
    // Only an abuse entity under the registrar is the registrar's (ICANN RDAP profile §2.4.5).
    abuse: findAbuse(doc, "registrar"),
    registryAbuse,
    created: events.registration ?? null,
    updated: events["last changed"] ?? events["last update"] ?? null,
    // A registrar's own answer may carry only "registrar expiration" (ICANN RDAP profile).
    expires: events.expiration ?? events["registrar expiration"] ?? null,
    status: [...new Set(status)],
    nameservers: [...new Set(nameservers)],
    dnssec,
    ...registrant(doc),
    related: relatedLinks(doc, warnings),
    warnings,
  };
}
