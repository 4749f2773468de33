// WHOIS text into facts. There is no standard format (RFC 3912 leaves it open); these are the
// common key variants: ICANN gTLD keys, Verisign thin, DENIC, AFNIC/IANA "key: value" blocks.

import { isRedacted, privacyService } from "../rdap/redaction.js";
import {
  cleanDate,
  cleanEmail,
  cleanIanaId,
  cleanPhone,
  cleanText,
  cleanUrl,
} from "../rdap/sanitize.js";
import type { Registration } from "../records.js";

/** What a WHOIS answer says about a domain (flat: WHOIS has no nested contacts). */
export interface WhoisFacts
  extends Pick<
    Registration,
    "created" | "updated" | "expires" | "status" | "nameservers" | "dnssec"
  > {
  registrar: string | null;
  ianaId: string | null;
  registrarUrl: string | null;
  /** "Registrar WHOIS Server" of a thin registry: where the fuller record lives. */
  referral: string | null;
  abuseEmail: string | null;
  abusePhone: string | null;
  registrantOrg: string | null;
  registrantCountry: string | null;
  privacy: boolean;
  privacyService: string | null;
  notFound: boolean;
  throttled: boolean;
}

const KEYS: Record<string, string[]> = {
  registrar: ["registrar", "sponsoring registrar", "registrar name", "registrar organization"],
  ianaId: ["registrar iana id", "sponsoring registrar iana id", "registrar iana"],
  registrarUrl: ["registrar url", "referral url"],
  referral: ["registrar whois server", "whois server"],
  abuseEmail: ["registrar abuse contact email", "abuse contact email", "registrar abuse email"],
  abusePhone: ["registrar abuse contact phone", "abuse contact phone", "registrar abuse phone"],
  created: [
    "creation date",
    "created",
    "created on",
    "registered on",
    "registered",
    "registration time",
    "domain registration date",
    "domain create date",
  ],
  updated: [
    "updated date",
    "update date",
    "last updated",
    "last updated on",
    "changed",
    "last modified",
    "last-update",
    "modified",
  ],
  expires: [
    "registry expiry date",
    "registrar registration expiration date",
    "expiry date",
    "expiration date",
    "paid-till",
    "expires",
    "expires on",
    "expire date",
    "renewal date",
  ],
  status: ["domain status", "status", "registration status"],
  nameservers: ["name server", "nserver", "nameserver", "name servers", "nameservers"],
  dnssec: ["dnssec"],
  registrantOrg: ["registrant organization", "registrant organisation", "registrant org"],
  registrantCountry: ["registrant country", "registrant country code"],
};

const NOT_FOUND =
  /^(no match|not found|no data found|no entries found|domain not found|the queried object does not exist|status:\s*free|%% not found|no object found)/im;
const THROTTLED =
  /access control limit|rate limit|query rate|too many (queries|requests)|exceeded|try again later/i;

/** Key/value lines, in order, with the paragraph each sat in; comments and sections skipped. */
export function keyValues(text: string): { key: string; value: string; para: number }[] {
  const out: { key: string; value: string; para: number }[] = [];
  let para = 0;
  for (const raw of text.split(/\r?\n/).slice(0, 5000)) {
    const line = raw.trim();
    if (!line) {
      para++;
      continue;
    }
    if (/^[%#]|^>>>/.test(line)) continue;
    if (/^\[.+\]$/.test(line)) break; // DENIC contact sections ([Tech-C]) are not the domain's
    const m = /^([A-Za-z][\w /().-]{0,60}?)\s*:\s*(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) continue;
    out.push({ key: m[1].toLowerCase().replace(/\s+/g, " "), value: m[2].trim(), para });
  }
  return out;
}

/** Parses a domain WHOIS answer. */
export function parseWhoisDomain(text: string): WhoisFacts {
  const kv = keyValues(text);
  const firstOf = (field: string): string | null => {
    for (const k of KEYS[field] ?? []) {
      const hit = kv.find((e) => e.key === k && e.value);
      if (hit) return hit.value;
    }
    return null;
  };
  // Multi-valued keys come from the first paragraph that has them (AFNIC repeats "status" later).
  const allOf = (field: string): string[] => {
    const keys = KEYS[field] ?? [];
    const hits = kv.filter((e) => keys.includes(e.key) && e.value);
    const para = hits[0]?.para;
    return hits.filter((e) => e.para === para).map((e) => e.value);
  };
  const org = cleanText(firstOf("registrantOrg"));
  const service = privacyService(org);
  const dnssec = firstOf("dnssec");
  return {
    registrar: cleanText(firstOf("registrar")),
    ianaId: cleanIanaId(firstOf("ianaId")),
    registrarUrl: cleanUrl(firstOf("registrarUrl")),
    referral:
      cleanText(firstOf("referral"), 253)
        ?.replace(/^whois:\/\//i, "")
        .replace(/\/$/, "") ?? null,
    abuseEmail: cleanEmail(firstOf("abuseEmail")),
    abusePhone: cleanPhone(firstOf("abusePhone")),
    created: cleanDate(firstOf("created")),
    updated: cleanDate(firstOf("updated")),
    expires: cleanDate(firstOf("expires")),
    status: [
      ...new Set(allOf("status").map((s) => cleanText(s.split(/\s+https?:/)[0], 80))),
    ].filter((s): s is string => s !== null),
    nameservers: [
      ...new Set(
        [...allOf("nameservers"), ...blockNameservers(text)].map(
          (n) => n.split(/\s+/)[0]?.toLowerCase().replace(/\.$/, "") ?? "",
        ),
      ),
    ]
      .filter((n) => /^[a-z0-9.-]+$/.test(n) && n.includes("."))
      .slice(0, 20),
    dnssec: dnssec === null ? null : !/unsigned|^no$|inactive/i.test(dnssec),
    registrantOrg: org && !isRedacted(org) ? org : null,
    registrantCountry: /^[A-Za-z]{2}$/.test(firstOf("registrantCountry") ?? "")
      ? (firstOf("registrantCountry") as string).toUpperCase()
      : null,
    privacy: org !== null && isRedacted(org),
    privacyService: service,
    notFound: NOT_FOUND.test(text),
    throttled: kv.length < 3 && THROTTLED.test(text),
  };
}

/**
 * Nameservers listed as an indented block under a heading of their own (Nominet's
 * "Name servers:", SIDN's "Domain nameservers:", the .it registry's "Nameservers"), one per line,
 * an address in brackets allowed after the name (EURid).
 */
function blockNameservers(text: string): string[] {
  const lines = text.split(/\r?\n/).slice(0, 5000);
  const start = lines.findIndex((l) => /^\s*(domain )?name ?servers:?\s*$/i.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1, start + 41)) {
    if (!/^\s+\S/.test(line)) break;
    const name = line.trim().split(/[\s(]/)[0] ?? "";
    if (/:$/.test(name)) break;
    out.push(name);
  }
  return out;
}

/** The TLD manager's administrative contact in IANA's root zone database, and its website. */
export interface IanaTldContact {
  email: string | null;
  phone: string | null;
  /** "Registration information: <url>", where the manager explains its policies. */
  url: string | null;
}

/** What whois.iana.org says about a TLD: its WHOIS server, operator and administrative contact. */
export interface IanaTldFacts {
  whois: string | null;
  organisation: string | null;
  contact: IanaTldContact | null;
}

/**
 * Parses whois.iana.org's TLD answer (`refer:`, `whois:`, the first `organisation:`, and the
 * `contact: administrative` block, also in its "administrative e-mail:" prefixed form).
 */
export function parseIanaTld(text: string): IanaTldFacts {
  const kv = keyValues(text);
  const get = (key: string) => kv.find((e) => e.key === key && e.value)?.value ?? null;
  const server = get("whois") ?? get("refer");
  const organisation = get("organisation") ?? get("registrant organisation");
  return {
    whois: server && /^[a-z0-9.-]+(:\d+)?$/i.test(server) ? server.toLowerCase() : null,
    organisation: cleanText(organisation, 200),
    contact: ianaContact(kv),
  };
}

/** The administrative contact's e-mail and phone, and the registration-information URL. */
function ianaContact(kv: { key: string; value: string }[]): IanaTldContact | null {
  let section: string | null = null;
  let email: string | null = null;
  let phone: string | null = null;
  let url: string | null = null;
  for (const { key, value } of kv) {
    if (key === "contact") {
      section = value.toLowerCase();
      continue;
    }
    // Any other top-level record ends a contact block.
    if (key === "nserver" || key === "whois" || key === "status" || key === "ds-rdata") {
      section = null;
    }
    const admin = section === "administrative" || key.startsWith("administrative ");
    const field = key.replace(/^administrative /, "");
    if (admin && field === "e-mail") email ??= cleanEmail(value);
    if (admin && field === "phone") phone ??= cleanPhone(value);
    const info = key === "remarks" && /^registration information:\s*(\S+)/i.exec(value);
    if (info) url ??= cleanUrl(info[1]);
  }
  return email || phone || url ? { email, phone, url } : null;
}
