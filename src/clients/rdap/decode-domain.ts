// An RDAP domain object (RFC 9083 §5.3) into the facts hostscan reports. Tolerant: unknown
// members are ignored, a member of the wrong type is noted in `warnings`, nothing throws.
import { parseRegistryDate } from "../../util/registry-date.js";
import type { AbuseContact, Registration } from "../records.js";
import { allEntities, type FoundEntity, findAbuse, findRole } from "./entities.js";
import { JsonView } from "./json-view.js";
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
  /** Members of the wrong type, by path ("links[0].rel is not a string"); each was ignored. */
  warnings: string[];
}

// Members read from lists a hostile answer could make endless.
const MAX_LINKS = 100;
const MAX_EVENTS = 100;
const MAX_STATUS = 50;
const MAX_NAMESERVERS = 100;
const MAX_IDS = 20;

function relatedLinks(doc: JsonView): string[] {
  const out: string[] = [];
  for (const link of doc.get("links").list(MAX_LINKS)) {
    if (link.get("rel").string()?.toLowerCase() !== "related") continue;
    const type = link.get("type").string()?.toLowerCase() ?? "";
    const href = cleanUrl(link.get("href").string());
    if (!href) continue;
    // Skip web pages (text/html); an untyped link counts when it looks like an RDAP path.
    const rdapType = type.includes("rdap+json") || type.includes("application/json");
    if (rdapType || (!type && /\/domain\//i.test(href))) out.push(href);
  }
  return [...new Set(out)].slice(0, 3);
}

function registrant(entities: FoundEntity[]): Pick<DomainFacts, "registrant" | "privacyService"> {
  const entity = findRole(entities, "registrant");
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

function registrarOf(entities: FoundEntity[]): DomainFacts["registrar"] {
  const entity = findRole(entities, "registrar");
  if (!entity) return null;
  const iana = entity.view
    .get("publicIds")
    .list(MAX_IDS)
    .find((p) => /iana registrar id/i.test(p.get("type").string() ?? ""));
  return {
    name: entity.card.fn ?? entity.card.org,
    ianaId: iana ? cleanIanaId(iana.get("identifier").text()) : null,
    url: entity.card.url,
  };
}

function dnssecOf(doc: JsonView): boolean | null {
  const secure = doc.get("secureDNS");
  if (!secure.present) return null;
  const signed = secure.get("delegationSigned");
  if (!secure.isObject) secure.note("is not an object");
  else if (signed.present) return signed.boolean();
  return null;
}

/** Decodes one RDAP domain document; `warnings` lists what was malformed. */
export function decodeDomain(body: unknown): DomainFacts {
  const doc = JsonView.root(body);
  const notes = doc.notes;
  if (!doc.isObject) doc.note("is not a JSON object");
  const entities = allEntities(doc);
  const events: Record<string, string | null> = Object.create(null);
  for (const e of doc.get("events").list(MAX_EVENTS)) {
    const action = e.get("eventAction").string()?.toLowerCase();
    if (action) events[action] ??= parseRegistryDate(e.get("eventDate").string());
  }
  const status = doc
    .get("status")
    .list(MAX_STATUS)
    .map((s) => cleanText(s.string(), 80))
    .filter((s): s is string => s !== null);
  const nameservers = doc
    .get("nameservers")
    .list(MAX_NAMESERVERS)
    .map((n) => cleanText(n.get("ldhName").string() ?? n.get("unicodeName").string(), 253))
    .filter((n): n is string => n !== null)
    .map((n) => n.toLowerCase().replace(/\.$/, ""))
    // A delegation lists a handful; a hostile answer could list thousands.
    .slice(0, 20);
  const registryAbuse =
    entities
      .filter((e) => e.roles.includes("abuse") && e.depth === 0)
      .map((e) => ({
        email: e.card.emails[0] ?? null,
        phone: e.card.phones[0] ?? null,
        url: e.card.url,
      }))
      .find((c) => c.email || c.phone || c.url) ?? null;
  const facts: DomainFacts = {
    registrar: registrarOf(entities),
    // Only an abuse entity under the registrar is the registrar's (ICANN RDAP profile §2.4.5).
    abuse: findAbuse(doc, entities, "registrar"),
    registryAbuse,
    created: events.registration ?? null,
    updated: events["last changed"] ?? events["last update"] ?? null,
    // A registrar's own answer may carry only "registrar expiration" (ICANN RDAP profile).
    expires: events.expiration ?? events["registrar expiration"] ?? null,
    status: [...new Set(status)],
    nameservers: [...new Set(nameservers)],
    dnssec: dnssecOf(doc),
    ...registrant(entities),
    related: relatedLinks(doc),
    warnings: [],
  };
  facts.warnings = notes.list;
  return facts;
}
