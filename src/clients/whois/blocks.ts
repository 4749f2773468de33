// A WHOIS answer as entries, each tagged with the block it sits in: the domain's own, a
// contact's, the registrar's, the nameserver list, or a record about another name. Registries
// mark blocks three ways: headings ("Registrar:", "[Holder]", "Nameservers", "** Registrant:"),
// RPSL objects separated by blank lines (the first key names the object: "nic-hdl:",
// "registrar:"), and indentation. The block decides whose "created" or "changed" a line is.
import { isNoise, MAX_LINE, readKeyLine } from "./line-reader.js";

export type Section = "domain" | "contact" | "registrar" | "nameservers" | "other";

/** One key with its value(s): continuation lines and lines under a heading are values too. */
export interface Entry {
  key: string;
  values: string[];
  section: Section;
}

const MAX_LINES = 5000;

const NAMESERVER_HEADING =
  /^(?:domain servers|domain nameservers|name ?servers?|nservers?|nameserver in|dns servers?|(?:primary|secondary) name server)/;
const REGISTRAR_HEADING = /^(?:registrar|sponsoring registrar|registration service provider)$/;
const CONTACT_HEADING =
  /^(?:(?:registrant|holder|owner|admin|administrative|tech|technical|billing|zone)(?: contacts?| contact information| contact\/agent| of domain name|-c)?|organization using domain name|contact information|contacts?)$/;
const DOMAIN_HEADING = /^(?:domain|domain name|domain information|additional info|whois)$/;
const OTHER_HEADING = /^(?:status information|keys|disclaimer)$/;

/**
 * The block a heading opens, or null when the heading says nothing about blocks. Anchored:
 * an empty "Registrar URL:" or "Registrant Email:" line is a field, not a heading.
 */
export function headingSection(heading: string): Section | null {
  const h = heading.toLowerCase();
  if (NAMESERVER_HEADING.test(h)) return "nameservers";
  if (REGISTRAR_HEADING.test(h)) return "registrar";
  if (CONTACT_HEADING.test(h)) return "contact";
  if (DOMAIN_HEADING.test(h)) return "domain";
  if (OTHER_HEADING.test(h)) return "other";
  return null;
}

// RPSL objects: the first key of a paragraph names what the paragraph describes.
const OBJECT_KEYS: Record<string, Section> = {
  domain: "domain",
  domainname: "domain",
  "domain name": "domain",
  registrar: "registrar",
  "nic-hdl": "contact",
  "nic-hdl-br": "contact",
  person: "contact",
  personname: "contact",
  role: "contact",
  contact: "contact",
  "server name": "other",
  nserver: "nameservers",
  nsset: "nameservers",
  keyset: "other",
};

// Object keys that open a new block even without a blank line before them (some registries'
// answers, and copies of them, run objects together). Not "nsset": a domain names its nsset.
const STRONG_OBJECT_KEYS = new Set(["contact", "nic-hdl", "nic-hdl-br", "person", "personname"]);

// Keys that belong to a nameserver list; any other key after them is the domain's again.
const NAMESERVER_KEYS = new Set([
  "nserver",
  "hostname",
  "host name",
  "name server",
  "nameserver",
  "primary server",
  "secondary server",
  "primary ip address",
  "secondary ip address",
  "ip address",
  "changed",
  "nsstat",
  "nslastaa",
  "remarks",
]);

const JP_TITLE = /^\[[^\]\x00-\x7f]{1,20}\]$/;
const HOST = /^[a-z0-9][a-z0-9.-]{0,252}\.[a-z0-9-]{1,63}\.?(?:$|[\s[(])/i;
const WORDS = /^[A-Za-z][A-Za-z /&-]{0,59}$/;

/** Splits an answer into entries with their blocks. `domain` marks records about other names. */
export function readBlocks(text: string, domain?: string): Entry[] {
  const lines = text.split("\n", MAX_LINES);
  // Only when some record names the domain do records naming other names not count.
  const named = domain ? namesDomain(lines, domain) : false;
  const out: Entry[] = [];
  let section: Section = "domain";
  let open: Entry | null = null; // the entry continuation lines attach to
  let pending: Entry | null = null; // a "Heading:" waiting to learn whether values follow
  let paraStart = true;
  let fromObject = false; // the block was named by an RPSL object key: it lasts the paragraph
  // A heading followed by lines of its own ("Registrar:\nswitchplus AG") is a value in that
  // block; one followed by keys or a blank line opens the block for what follows.
  const settle = () => {
    const heading = pending ? headingSection(pending.key) : null;
    if (pending && heading && pending.values.length > 0) pending.section = heading;
    else if (pending && pending.values.length === 0) section = heading ?? section;
    pending = null;
  };
  for (const raw of lines) {
    const indented = /^[ \t]/.test(raw);
    const line = raw.slice(0, MAX_LINE).trim();
    if (!line) {
      settle();
      open = null;
      paraStart = true;
      continue;
    }
    if (isNoise(line)) continue;
    const kv = readKeyLine(line);
    if (!kv) {
      if (open && (indented || open === pending)) {
        open.values.push(line);
      } else if (section === "nameservers" && HOST.test(line)) {
        out.push({ key: "nameserver", values: [line], section });
      } else if (WORDS.test(line) && !indented) {
        settle();
        section = headingSection(line) ?? section;
        open = null;
      }
      paraStart = false;
      continue;
    }
    settle();
    const opens = paraStart || STRONG_OBJECT_KEYS.has(kv.key);
    // A "registrar:" object follows the domain's (AFNIC, .ua, .sk); an answer that starts
    // with "Registrar:" is the registrar's own record of the domain.
    const object = OBJECT_KEYS[kv.key];
    if (opens && kv.value && object && (object !== "registrar" || out.length > 0)) {
      section = object;
      fromObject = true;
      if (section === "domain" && named && !sameName(kv.value, domain)) section = "other";
    } else if (paraStart) {
      fromObject = false;
    }
    if (!fromObject && section === "nameservers" && !NAMESERVER_KEYS.has(kv.key)) {
      // the list is over: what follows it (dnssec, dates) is the domain's again
      section = "domain";
    }
    paraStart = false;
    const entry: Entry = { key: kv.key, values: kv.value ? [kv.value] : [], section };
    out.push(entry);
    open = entry;
    // "[Registered Date]" with nothing after it is an empty JPRS field; "[Holder]" is a heading,
    // and so is JPRS's "Contact Information: [公開連絡窓口]" (a heading with its Japanese title).
    if (!kv.value && (!kv.bracket || headingSection(kv.key))) pending = entry;
    else if (JP_TITLE.test(kv.value) && headingSection(kv.key)) {
      entry.values = [];
      pending = entry;
    }
  }
  return out;
}

function sameName(value: string, domain?: string): boolean {
  return value.toLowerCase().replace(/\.$/, "") === domain?.toLowerCase();
}

/** True when a "Domain Name:"-style line names exactly `domain`. */
function namesDomain(lines: string[], domain: string): boolean {
  return lines.some((raw) => {
    const kv = readKeyLine(raw.slice(0, MAX_LINE).trim());
    return kv !== null && OBJECT_KEYS[kv.key] === "domain" && sameName(kv.value, domain);
  });
}
