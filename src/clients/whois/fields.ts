// Which keys carry which fact, and in which blocks they count. A "domain" key is a word that
// contacts and registrars use too ("created", "changed"): it counts only in the domain's own
// block. A "named" key says whose it is ("Creation Date", "Domain Name Commencement Date"): it
// counts in any block but a record about another name (.hk prints its dates after the contacts).
// A "registrar" key counts only in the registrar's block (.it, .ee, .ua, .sk, .lv, .fi).
import type { Entry, Section } from "./blocks.js";

export type Fact =
  | "registrar"
  | "registrarUrl"
  | "ianaId"
  | "referral"
  | "abuseEmail"
  | "abusePhone"
  | "created"
  | "updated"
  | "expires"
  | "status"
  | "nameservers"
  | "dnssec"
  | "registrantOrg"
  | "registrantCountry";

interface KeySets {
  named?: string[];
  domain?: string[];
  registrar?: string[];
}

// In order of preference: the first key with a value wins.
export const FIELDS: Record<Fact, KeySets> = {
  registrar: {
    registrar: ["organization", "organisation", "name", "registrar"],
    named: [
      "sponsoring registrar",
      "registrar name",
      "registrar-name",
      "registration service provider",
      "current registar",
      "current registrar",
      "authorized agency",
      "registrar organization",
    ],
    domain: ["registrar"],
  },
  registrarUrl: {
    named: ["registrar url", "registrar-url", "registration service url", "registrar info"],
    registrar: ["url", "web", "website", "www"],
    domain: ["referral url"],
  },
  ianaId: { named: ["registrar iana id", "sponsoring registrar iana id", "registrar iana"] },
  referral: { named: ["registrar whois server"], domain: ["whois server"] },
  abuseEmail: {
    named: ["registrar abuse contact email", "abuse contact email", "registrar abuse email"],
    registrar: ["abuse-email", "abuse email"],
  },
  abusePhone: {
    named: ["registrar abuse contact phone", "abuse contact phone", "registrar abuse phone"],
    registrar: ["abuse-phone", "abuse phone"],
  },
  created: {
    named: [
      "creation date",
      "domain name commencement date",
      "registration date",
      "domain registration date",
      "domain create date",
      "domain created",
      "record created on",
      "registered date",
      "created on",
      "registered on",
      "first registration date",
      "registration time",
      "record created",
      "fecha de creación",
    ],
    domain: ["created", "registered", "assigned", "登録年月日"],
  },
  updated: {
    named: [
      "updated date",
      "domain last updated date",
      "last updated date",
      "modification date",
      "record last updated on",
      "ultima actualización",
    ],
    domain: [
      "last-update",
      "last update",
      "last updated",
      "last modified",
      "last updated on",
      "modified",
      "updated",
      "changed",
      "最終更新",
    ],
  },
  expires: {
    named: [
      "registry expiry date",
      "registrar registration expiration date",
      "expiry date",
      "expiration date",
      "domain expiration date",
      "record expires on",
      "expire date",
      "expires on",
      "valid until",
      "renewal date",
      "paid-till",
      "expiration time",
      "fecha de vencimiento",
      "有効期限",
    ],
    domain: ["expires", "expire", "validity", "state", "状態"],
  },
  status: {
    named: ["domain status", "registration status", "epp status"],
    domain: ["status", "eppstatus", "state", "lock status", "状態", "ロック状態"],
  },
  nameservers: {
    named: [
      "name server",
      "nameserver",
      "name servers",
      "nameservers",
      "domain nameservers",
      "domain servers",
      "domain servers in listed order",
      "name servers information",
      "name servers in the listed order",
      "primary server",
      "secondary server",
      "nserver",
    ],
    domain: ["dns", "hostname", "host name", "ネームサーバ"],
  },
  dnssec: { named: ["dnssec", "dnssec signed"], domain: ["signed"] },
  registrantOrg: {
    named: ["registrant organization", "registrant organisation", "registrant org"],
  },
  registrantCountry: { named: ["registrant country", "registrant country code"] },
};

// Facts about the registrar itself; any other fact in the registrar's block is the registrar's
// own (.it prints the registrar's DNSSEC capability there, .sk its creation date).
const REGISTRAR_FACTS = new Set<Fact>([
  "registrar",
  "registrarUrl",
  "ianaId",
  "referral",
  "abuseEmail",
  "abusePhone",
]);

/** Whether a key of this kind counts in this section. */
function counts(kind: keyof KeySets, section: Section, fact: Fact): boolean {
  if (section === "other") return false;
  if (kind === "named") return section !== "registrar" || REGISTRAR_FACTS.has(fact);
  if (kind === "registrar") return section === "registrar";
  // A nameserver list is the domain's, but its "changed" (.ee) is the list's, not the domain's.
  return section === "domain" || (section === "nameservers" && fact === "nameservers");
}

// The registry's own "Registrar:" line beats a reseller's "Registration Service Provider".
const ORDER: Record<"usual" | "registrar", (keyof KeySets)[]> = {
  usual: ["registrar", "named", "domain"],
  registrar: ["registrar", "domain", "named"],
};

/** Every entry that carries `fact`, best key first. */
export function entriesFor(entries: Entry[], fact: Fact): Entry[] {
  const sets = FIELDS[fact];
  const out: Entry[] = [];
  for (const kind of ORDER[fact === "registrar" ? "registrar" : "usual"]) {
    for (const key of sets[kind] ?? []) {
      for (const e of entries) {
        if (e.key === key && e.values.length > 0 && counts(kind, e.section, fact)) out.push(e);
      }
    }
  }
  return out;
}
