// RDAP entities (RFC 9083 §5.1) nest: ARIN puts the abuse POC under the registrant org,
// Verisign under the registrar, RIPE at top level, APNIC as an IRT. One walker for all.
import type { AbuseContact } from "../records.js";
import { readVCard, type VCard } from "./jcard.js";
import { cleanEmail } from "./sanitize.js";

/** An entity found in the tree, with its decoded card and how deep it sat. */
export interface FoundEntity {
  raw: Record<string, unknown>;
  handle: string | null;
  roles: string[];
  card: VCard;
  depth: number;
  /** The roles of every entity it was nested in (empty at top level). */
  ancestorRoles: string[];
}

const MAX_DEPTH = 8;
const MAX_ENTITIES = 500;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every entity under `obj`, breadth first (shallow ones first), bounded in depth and count. */
export function allEntities(obj: unknown): FoundEntity[] {
  const out: FoundEntity[] = [];
  let level: { node: unknown; roles: string[] }[] = [{ node: obj, roles: [] }];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { node, roles: ancestorRoles } of level) {
      const list = isObject(node) ? node.entities : null;
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        if (!isObject(raw) || out.length >= MAX_ENTITIES) continue;
        const roles = Array.isArray(raw.roles)
          ? raw.roles.filter((r): r is string => typeof r === "string").map((r) => r.toLowerCase())
          : [];
        const handle = typeof raw.handle === "string" ? raw.handle : null;
        out.push({ raw, handle, roles, card: readVCard(raw.vcardArray), depth, ancestorRoles });
        next.push({ node: raw, roles: [...ancestorRoles, ...roles] });
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
export function findAbuse(obj: unknown, underRole?: string): AbuseContact | null {
  const abuse = allEntities(obj).filter(
    (e) => e.roles.includes("abuse") && (!underRole || e.ancestorRoles.includes(underRole)),
  );
  for (const e of abuse) {
    const c = contactOf(e);
    if (c) return c;
  }
  return underRole ? null : abuseFromRemarks(obj);
}

/** An e-mail address that a remark ties to abuse ("please send abuse reports to …"). */
export function abuseFromRemarks(obj: unknown): AbuseContact | null {
  const remarks = isObject(obj) && Array.isArray(obj.remarks) ? obj.remarks : [];
  for (const remark of remarks.slice(0, 50)) {
    const lines = isObject(remark) && Array.isArray(remark.description) ? remark.description : [];
    for (const line of lines.slice(0, 50)) {
      if (typeof line !== "string" || !/abuse/i.test(line)) continue;
      const m = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(line);
      const email = m ? cleanEmail(m[0]) : null;
      if (email) return { email, phone: null, url: null };
    }
  }
  return null;
}

/** The shallowest entity with a role, or null. */
export function findRole(obj: unknown, role: string): FoundEntity | null {
  return allEntities(obj).find((e) => e.roles.includes(role)) ?? null;
}
