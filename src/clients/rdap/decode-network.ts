// RDAP ip network (RFC 9083 §5.4) and autnum (§5.5) objects into hostscan's facts.
import ipaddr from "ipaddr.js";
import type { AbuseContact } from "../records.js";
import { findAbuse, findRole } from "./entities.js";
import { cleanText } from "./sanitize.js";

/** What an RIR says about the network that holds an address. */
export interface NetworkFacts {
  handle: string | null;
  name: string | null;
  startAddress: string | null;
  endAddress: string | null;
  /** CIDR(s) of the registration: cidr0 members, else computed from start/end when exact. */
  cidr: string | null;
  country: string | null;
  /** Registrant organisation (ARIN "Cloudflare, Inc.", APNIC "APNIC Research and Development"). */
  org: string | null;
  abuse: AbuseContact | null;
  /** Origin AS numbers some RIRs publish (ARIN's arin_originas0 extension). */
  originAsns: number[];
}

/** What an RIR says about an AS number. */
export interface AutnumFacts {
  handle: string | null;
  name: string | null;
  country: string | null;
  org: string | null;
  abuse: AbuseContact | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Old ARIN answers zero-pad octets ("074.125.000.000"); ipaddr.js reads those as octal.
function cleanAddress(value: unknown): string | null {
  const text = cleanText(value, 64);
  if (!text) return null;
  const unpadded = /^[\d.]+$/.test(text) ? text.replace(/\b0+(\d)/g, "$1") : text;
  try {
    return ipaddr.parse(unpadded).toString();
  } catch {
    return null;
  }
}

function cidrOf(
  doc: Record<string, unknown>,
  start: string | null,
  end: string | null,
): string | null {
  const cidrs = Array.isArray(doc.cidr0_cidrs) ? doc.cidr0_cidrs : [];
  for (const c of cidrs) {
    if (!isObject(c)) continue;
    const prefix = cleanAddress(c.v4prefix ?? c.v6prefix);
    const length = Number(c.length);
    if (prefix && Number.isInteger(length) && length >= 0 && length <= 128)
      return `${prefix}/${length}`;
  }
  if (!start || !end) return null;
  try {
    const v4 = ipaddr.parse(start).kind() === "ipv4";
    const first = (c: string): string =>
      (v4
        ? ipaddr.IPv4.networkAddressFromCIDR(c)
        : ipaddr.IPv6.networkAddressFromCIDR(c)
      ).toString();
    const last = (c: string): string =>
      (v4
        ? ipaddr.IPv4.broadcastAddressFromCIDR(c)
        : ipaddr.IPv6.broadcastAddressFromCIDR(c)
      ).toString();
    for (let len = 0; len <= (v4 ? 32 : 128); len++) {
      const candidate = `${start}/${len}`;
      if (first(candidate) === start && last(candidate) === end) return candidate;
    }
  } catch {
    // not a range a CIDR can express
  }
  return null;
}

function orgOf(doc: unknown): string | null {
  const reg = findRole(doc, "registrant");
  if (!reg) return null;
  return reg.card.org ?? reg.card.fn;
}

function country(value: unknown): string | null {
  const text = cleanText(value, 8);
  return text && /^[A-Za-z]{2}$/.test(text) ? text.toUpperCase() : null;
}

/** Decodes an RDAP ip network answer. */
export function decodeNetwork(body: unknown): NetworkFacts {
  const doc = isObject(body) ? body : {};
  const startAddress = cleanAddress(doc.startAddress);
  const endAddress = cleanAddress(doc.endAddress);
  const origins = Array.isArray(doc.arin_originas0_originautnums)
    ? doc.arin_originas0_originautnums
    : [];
  return {
    handle: cleanText(doc.handle, 100),
    name: cleanText(doc.name, 100),
    startAddress,
    endAddress,
    cidr: cidrOf(doc, startAddress, endAddress),
    country: country(doc.country),
    org: orgOf(doc),
    abuse: findAbuse(doc),
    originAsns: origins.map(Number).filter((n) => Number.isInteger(n) && n > 0),
  };
}

/** Decodes an RDAP autnum answer. */
export function decodeAutnum(body: unknown): AutnumFacts {
  const doc = isObject(body) ? body : {};
  return {
    handle: cleanText(doc.handle, 100),
    name: cleanText(doc.name, 100),
    country: country(doc.country),
    org: orgOf(doc),
    abuse: findAbuse(doc),
  };
}
