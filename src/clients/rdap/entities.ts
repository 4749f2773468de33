// RDAP entities (RFC 9083 §5.1) nest: ARIN puts the abuse POC under the registrant org,
// Verisign under the registrar, RIPE at top level, APNIC as an IRT. One walker for all.
import type { AbuseContact } from "../records.js";
import { findEmail } from "./find-email.js";
import { readVCard, type VCard } from "./jcard.js";
import type { JsonView } from "./json-view.js";
import { cleanEmail } from "./sanitize.js";

/** An entity found in the tree, with its decoded card and how deep it sat. */
export interface FoundEntity {
  view: JsonView;
  handle: string | null;
  roles: string[];
  card: VCard;
  depth: number;
  /** The roles of every entity it was nested in (empty at top level). */
  ancestorRoles: string[];
}

const MAX_DEPTH = 8;
const MAX_ENTITIES = 500;
const MAX_ROLES = 20;
/** Remarks read for an abuse address: remarks, lines per remark, characters per line. */
const MAX_REMARKS = 50;
const MAX_LINES = 50;
const MAX_LINE = 8192;

/** Every entity under `doc`, breadth first (shallow ones first), bounded in depth and count. */
export function allEntities(doc: JsonView): FoundEntity[] {
  const out: FoundEntity[] = [];
  let level: { node: JsonView; roles: string[] }[] = [{ node: doc, roles: [] }];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { node, roles: ancestorRoles } of level) {
      for (const view of node.get("entities").list(MAX_ENTITIES)) {
        if (out.length >= MAX_ENTITIES) break;
        if (!view.isObject) {
          view.note("is not an object");
          continue;
        }
        const roles = view
          .get("roles")
          .strings(MAX_ROLES)
          .map((r) => r.toLowerCase());
        const handle = view.get("handle").string();
        const card = readVCard(view.get("vcardArray"));
        out.push({ view, handle, roles, card, depth, ancestorRoles });
        next.push({ node: view, roles: [...ancestorRoles, ...roles] });
      }
    }
    level = next;
  }
  return out;
}

/** The abuse contact of an entity: its e-mail, phone and URL, or null when it has none. */
export function contactOf(entity: FoundEntity): AbuseContact | null {
  const { card } = entity;
  const contact = { email: card.emails[0] ?? null, phone: card.phones[0] ?? null, url: card.url };
  return contact.email || contact.phone || contact.url ? contact : null;
}

/**
 * The abuse contact in a tree: the shallowest entity with role "abuse" that has a channel
 * (optionally only those nested in an entity with `underRole`), else an address that remarks
 * name for abuse reports (AFRINIC), else null.
 */
export function findAbuse(
  doc: JsonView,
  entities: FoundEntity[],
  underRole?: string,
): AbuseContact | null {
  const abuse = entities.filter(
    (e) => e.roles.includes("abuse") && (!underRole || e.ancestorRoles.includes(underRole)),
  );
  for (const e of abuse) {
    const c = contactOf(e);
    if (c) return c;
  }
  return underRole ? null : abuseFromRemarks(doc);
}

/** An e-mail address that a remark ties to abuse ("please send abuse reports to …"). */
export function abuseFromRemarks(doc: JsonView): AbuseContact | null {
  for (const remark of doc.get("remarks").list(MAX_REMARKS)) {
    for (const view of remark.get("description").list(MAX_LINES)) {
      const line = view.string()?.slice(0, MAX_LINE);
      if (!line || !/abuse/i.test(line)) continue;
      const found = findEmail(line);
      const email = found ? cleanEmail(found) : null;
      if (email) return { email, phone: null, url: null };
    }
  }
  return null;
}

/** The shallowest entity with a role, or null. */
export function findRole(entities: FoundEntity[], role: string): FoundEntity | null {
  return entities.find((e) => e.roles.includes(role)) ?? null;
}
