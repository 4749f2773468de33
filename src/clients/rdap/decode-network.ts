// RDAP ip network (RFC 9083 §5.4) and autnum (§5.5) objects into hostscan's facts.
import ipaddr from "ipaddr.js";
import type { AbuseContact } from "../records.js";
import { allEntities, type FoundEntity, findAbuse } from "./entities.js";
import { JsonView } from "./json-view.js";
import { cleanText } from "./sanitize.js";

/** What an RIR says about the network that holds an address. */
export interface NetworkFacts {
  handle: string | null;
  name: string | null;
  startAddress: string | null;
  endAddress: string | null;
  /** The registration's CIDR when it is exactly one, else null. */
  cidr: string | null;
  /** Every CIDR the registration spans (ARIN's 13.64.0.0–13.107.255.255 is three), at most 64. */
  cidrs: string[];
  country: string | null;
  /** Registrant organisation (ARIN "Cloudflare, Inc.", APNIC "APNIC Research and Development"). */
  org: string | null;
  abuse: AbuseContact | null;
  /** Origin AS numbers some RIRs publish (ARIN's arin_originas0 extension). */
  originAsns: number[];
  /** Members of the wrong type, by path; each was ignored. */
  warnings: string[];
}

/** What an RIR says about an AS number. */
export interface AutnumFacts {
  handle: string | null;
  name: string | null;
  country: string | null;
  org: string | null;
  abuse: AbuseContact | null;
  /** Members of the wrong type, by path; each was ignored. */
  warnings: string[];
}

const MAX_ORIGINS = 50;

// Old ARIN answers zero-pad octets ("074.125.000.000"); ipaddr.js reads those as octal.
// Old RIPE answers write a prefix length after the address ("62.239.237.0/32").
function cleanAddress(value: string | null): string | null {
  const text = cleanText(value, 64)?.replace(/\/\d{1,3}$/, "");
  if (!text) return null;
  const unpadded = /^[\d.]+$/.test(text) ? text.replace(/\b0+(\d)/g, "$1") : text;
  try {
    return ipaddr.parse(unpadded).toString();
  } catch {
    return null;
  }
}

const MAX_CIDRS = 64;

function cidr0(doc: JsonView): string[] {
  const out: string[] = [];
  for (const c of doc.get("cidr0_cidrs").list(MAX_CIDRS)) {
    const prefix = cleanAddress(c.get("v4prefix").string() ?? c.get("v6prefix").string());
    const length = c.get("length").number();
    if (prefix && length !== null && Number.isInteger(length) && length >= 0 && length <= 128)
      out.push(`${prefix}/${length}`);
  }
  return out;
}

function toBig(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return addr.toByteArray().reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

function fromBig(n: bigint, bytes: number): string {
  const out: number[] = [];
  for (let i = 0; i < bytes; i++) out.unshift(Number((n >> BigInt(8 * i)) & 255n));
  return ipaddr.fromByteArray(out).toString();
}

/** The fewest CIDRs that cover start–end exactly (RFC 4632 §3.1 aggregation, reversed). */
export function rangeToCidrs(start: string, end: string): string[] {
  try {
    const a = ipaddr.parse(start);
    const b = ipaddr.parse(end);
    if (a.kind() !== b.kind()) return [];
    const bits = a.kind() === "ipv4" ? 32 : 128;
    let lo = toBig(a);
    const hi = toBig(b);
    const out: string[] = [];
    while (lo <= hi && out.length < MAX_CIDRS) {
      let size = 0; // log2 of the block: the largest aligned block that fits
      while (size < bits && (lo & ((1n << BigInt(size + 1)) - 1n)) === 0n) {
        if (lo + (1n << BigInt(size + 1)) - 1n > hi) break;
        size++;
      }
      out.push(`${fromBig(lo, bits / 8)}/${bits - size}`);
      lo += 1n << BigInt(size);
    }
    return lo > hi ? out : [];
  } catch {
    return [];
  }
}

// RIPE lists the objects' maintainers ("ALOJALIA-MNT", kind "individual") as registrants
// beside the organisation (kind "org"), sorted by handle: the organisation is the owner.
function orgOf(entities: FoundEntity[]): string | null {
  const registrants = entities.filter((e) => e.roles.includes("registrant"));
  const owner =
    registrants.find((e) => e.card.kind === "org") ??
    registrants.find((e) => !/-MNT$/i.test(e.handle ?? "") && e.card.kind !== "individual") ??
    registrants.find((e) => !/-MNT$/i.test(e.handle ?? ""));
  return owner ? (owner.card.org ?? owner.card.fn) : null;
}

function country(value: string | null): string | null {
  const text = cleanText(value, 8);
  return text && /^[A-Za-z]{2}$/.test(text) ? text.toUpperCase() : null;
}

/** Decodes an RDAP ip network answer; `warnings` lists what was malformed. */
export function decodeNetwork(body: unknown): NetworkFacts {
  const doc = JsonView.root(body);
  if (!doc.isObject) doc.note("is not a JSON object");
  const entities = allEntities(doc);
  const startAddress = cleanAddress(doc.get("startAddress").string());
  const endAddress = cleanAddress(doc.get("endAddress").string());
  const originAsns = doc
    .get("arin_originas0_originautnums")
    .list(MAX_ORIGINS)
    .map((v) => v.number())
    .filter((n): n is number => n !== null && Number.isInteger(n) && n > 0);
  const fromDoc = cidr0(doc);
  const cidrs =
    fromDoc.length > 0
      ? fromDoc
      : startAddress && endAddress
        ? rangeToCidrs(startAddress, endAddress)
        : [];
  return {
    handle: cleanText(doc.get("handle").text(), 100),
    name: cleanText(doc.get("name").text(), 100),
    startAddress,
    endAddress,
    cidr: cidrs.length === 1 ? cidrs[0]! : null,
    cidrs,
    country: country(doc.get("country").string()),
    org: orgOf(entities),
    abuse: findAbuse(doc, entities),
    originAsns,
    warnings: doc.notes.list,
  };
}

/** Decodes an RDAP autnum answer; `warnings` lists what was malformed. */
export function decodeAutnum(body: unknown): AutnumFacts {
  const doc = JsonView.root(body);
  if (!doc.isObject) doc.note("is not a JSON object");
  const entities = allEntities(doc);
  return {
    handle: cleanText(doc.get("handle").text(), 100),
    name: cleanText(doc.get("name").text(), 100),
    country: country(doc.get("country").string()),
    org: orgOf(entities),
    abuse: findAbuse(doc, entities),
    warnings: doc.notes.list,
  };
}
