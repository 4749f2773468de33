import {
  type AbuseContact,
  type Profile,
  type Provider,
  ROLES,
  type Role,
} from "../profile/types.js";
import { sanitize } from "./sanitize.js";
import type { Formatter } from "./types.js";

// Roles whose contact the contract's columns already carry; the others are added after them.
const CONTRACT_ABUSE: Role[] = ["registrar", "hosting", "cdn"];
const MORE_ABUSE = ROLES.filter((r) => !CONTRACT_ABUSE.includes(r));

// The contract's columns first, in its order (scripts may read by position); then, as
// extensions, every role's confidence and the contacts of the remaining roles.
const COLUMNS = [
  "target",
  "host",
  "domain",
  "registrar",
  "registry",
  "dns",
  "cdn",
  "hosting",
  "hosting_asn",
  "email",
  "tls",
  "platform",
  "registrar_abuse",
  "hosting_abuse",
  "cdn_abuse",
  "errors",
  ...ROLES.map((r) => `${r}_confidence`),
  ...MORE_ABUSE.map((r) => `${r}_abuse`),
];

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe (OWASP "CSV injection"); control characters are escaped like everywhere.
 */
export function csvCell(value: unknown): string {
  let text = sanitize(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The contact a person writes to first: e-mail, else the web form, else the phone. */
export function abuseText(abuse: AbuseContact | null | undefined): string {
  return abuse ? (abuse.email ?? abuse.url ?? abuse.phone ?? "") : "";
}

const name = (p: Provider | null) => p?.name ?? "";

function row(p: Profile): string[] {
  const v = p.providers;
  return [
    p.target,
    p.host ?? "",
    p.domain ?? "",
    name(v.registrar),
    name(v.registry),
    name(v.dns),
    name(v.cdn),
    name(v.hosting),
    v.hosting?.asn != null ? String(v.hosting.asn) : "",
    name(v.email),
    name(v.tls),
    name(v.platform),
    abuseText(v.registrar?.abuse),
    abuseText(v.hosting?.abuse),
    abuseText(v.cdn?.abuse),
    [...new Set(p.errors.map((e) => e.code))].join(";"),
    ...ROLES.map((r) => v[r]?.confidence ?? ""),
    ...MORE_ABUSE.map((r) => abuseText(v[r]?.abuse)),
  ];
}

/** Header row first, then one CRLF-terminated row per target (RFC 4180). */
export const csvFormatter: Formatter = () => {
  let started = false;
  const header = () => {
    if (started) return "";
    started = true;
    return `${COLUMNS.join(",")}\r\n`;
  };
  return {
    push: (profile) => `${header()}${row(profile).map(csvCell).join(",")}\r\n`,
    end: () => header(),
  };
};
