// WHOIS text into facts. There is no standard format (RFC 3912 leaves it open): the answer is
// read into blocks (blocks.ts), and each fact is taken from the keys and blocks that carry it
// for the registries that still speak WHOIS (fields.ts). Where the answer is silent, null.

import { type DateOrder, parseRegistryDate } from "../../util/registry-date.js";
import { isRedacted, privacyService } from "../rdap/redaction.js";
import { cleanEmail, cleanIanaId, cleanPhone, cleanText, cleanUrl } from "../rdap/sanitize.js";
import type { Registration } from "../records.js";
import { type Entry, readBlocks } from "./blocks.js";
import { dateOrderFor } from "./date-order.js";
import { entriesFor, type Fact } from "./fields.js";
import { MAX_LINE, readKeyLine } from "./line-reader.js";

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

const NOT_FOUND =
  /^(no match|not found|no data found|no entries found|domain not found|the queried object does not exist|status:\s*free|%% not found|no object found)/im;
const THROTTLED =
  /access control limit|rate limit|query rate|too many (queries|requests)|exceeded|try again later/i;

/** Key/value lines in order; comments, headings without a value and prose skipped. */
export function keyValues(text: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const raw of text.split("\n", 5000)) {
    const kv = readKeyLine(raw.slice(0, MAX_LINE).trim());
    if (kv && !/^[%#]/.test(raw)) out.push({ key: kv.key, value: kv.value });
  }
  return out;
}

const COMPACT_TOKEN = /(?:^| )(\d{8})(?: |$)/;
const PAREN_DATE = /\((\d{4}\/\d{1,2}\/\d{1,2})\)/;

/** The date a value states for its key, or null. */
function dateOf(key: string, value: string, order: DateOrder): string | null {
  // JPRS: "[State] Connected (2026/03/31)": the end of the registration period.
  if (key === "state" || key === "状態") {
    const m = PAREN_DATE.exec(value);
    return m ? parseRegistryDate(m[1], order) : null;
  }
  // registro.br: "created: 19990518 #162310" (a ticket number after the date)
  const text = value.split(" #")[0] ?? value;
  const direct = parseRegistryDate(text, order);
  if (direct || key !== "changed") return direct;
  // ISOC-IL: "changed: domain-registrar AT isoc.org.il 20181216 (Changed)"
  const m = COMPACT_TOKEN.exec(text);
  return m ? parseRegistryDate(m[1], order) : null;
}

/** The fact's date from the best key that states one; the latest of that key's when `latest`. */
function dateFact(entries: Entry[], fact: Fact, order: DateOrder, latest = false): string | null {
  const found = entriesFor(entries, fact);
  for (const e of found) {
    const first = dateOf(e.key, e.values[0]!, order);
    if (!first) continue;
    if (!latest) return first;
    const same = found
      .filter((o) => o.key === e.key)
      .map((o) => dateOf(o.key, o.values[0]!, order))
      .filter((d): d is string => d !== null);
    return same.sort().at(-1) ?? first;
  }
  return null;
}

function firstValue(entries: Entry[], fact: Fact): string | null {
  return entriesFor(entries, fact)[0]?.values[0] ?? null;
}

/** "FAJN-0002", "NIC-REG1": upper case, a hyphen, a digit, no spaces. */
function isHandle(name: string): boolean {
  return /^[A-Z][A-Z0-9-]{1,40}$/.test(name) && name.includes("-") && /\d/.test(name);
}

const URL_IN_PARENS = /^ ?(https?:\/\/[^\s()]{1,300}) ?$/;

/** A registrar name without what registries append: "( https://nic.at/registrar/434 )", "[Tag = X]". */
function splitRegistrar(value: string | null): { name: string | null; url: string | null } {
  if (!value) return { name: null, url: null };
  let text = value;
  let url: string | null = null;
  const open = text.lastIndexOf("(");
  const m = open >= 0 && text.endsWith(")") ? URL_IN_PARENS.exec(text.slice(open + 1, -1)) : null;
  if (m) {
    url = cleanUrl(m[1]);
    text = text.slice(0, open);
  }
  const tag = text.indexOf(" [Tag = ");
  if (tag > 0) text = text.slice(0, tag);
  const name = cleanText(text);
  // "FAJN-0002", "NIC-REG1": a handle whose name the answer does not give is not a name;
  // Nominet's "No registrar listed." is not one either.
  if (!name || isHandle(name) || /^no registrar/i.test(name)) return { name: null, url };
  return { name, url };
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name of two labels or more, checked label by label (no nested quantifiers). */
function isHostname(name: string): boolean {
  const labels = name.split(".");
  return name.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

function nameserversOf(entries: Entry[], domain?: string): string[] {
  const self = domain?.toLowerCase();
  const names = entriesFor(entries, "nameservers")
    .flatMap((e) => e.values)
    .map((v) => (v.split(/[\s[(|,]/)[0] ?? "").toLowerCase().replace(/\.$/, ""))
    .filter((n) => isHostname(n) && n !== self);
  return [...new Set(names)].slice(0, 20);
}

function statusOf(entries: Entry[]): string[] {
  const out = entriesFor(entries, "status")
    .flatMap((e) => e.values)
    .flatMap((v) => v.split(","))
    // "ok https://icann.org/epp#ok", "clientHold - explained", "Connected (2026/03/31)"
    .map((v) => cleanText(v.split(/ https?:| - | \(/)[0], 80))
    .filter((s): s is string => s !== null);
  return [...new Set(out)].slice(0, 20);
}

function dnssecOf(value: string | null): boolean | null {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (/^(?:unsigned|no|n|false|inactive|not signed)\b/.test(v)) return false;
  if (/^(?:signed|signeddelegation|yes|y|true|active)\b/.test(v)) return true;
  return null;
}

/** Parses a domain WHOIS answer; `domain` (the name asked for) picks its block and date order. */
export function parseWhoisDomain(text: string, domain?: string): WhoisFacts {
  const entries = readBlocks(text, domain);
  const order = dateOrderFor(domain);
  const first = (fact: Fact) => firstValue(entries, fact);
  const org = cleanText(first("registrantOrg"));
  const service = privacyService(org);
  const registrar = splitRegistrar(first("registrar"));
  const country = first("registrantCountry");
  const keyLines = entries.length;
  return {
    registrar: registrar.name,
    ianaId: cleanIanaId(first("ianaId")),
    registrarUrl: cleanUrl(first("registrarUrl")) ?? registrar.url,
    referral:
      cleanText(first("referral"), 253)
        ?.replace(/^whois:\/\//i, "")
        .replace(/\/$/, "") ?? null,
    abuseEmail: cleanEmail(first("abuseEmail")),
    abusePhone: cleanPhone(first("abusePhone")),
    created: dateFact(entries, "created", order),
    updated: dateFact(entries, "updated", order, true),
    expires: dateFact(entries, "expires", order),
    status: statusOf(entries),
    nameservers: nameserversOf(entries, domain),
    dnssec: dnssecOf(first("dnssec")),
    registrantOrg: org && !isRedacted(org) ? org : null,
    registrantCountry: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null,
    privacy: org !== null && isRedacted(org),
    privacyService: service,
    notFound: NOT_FOUND.test(text.slice(0, 100_000)),
    throttled: keyLines < 3 && THROTTLED.test(text.slice(0, 10_000)),
  };
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
