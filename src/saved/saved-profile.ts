// A saved profile as summary and diff read it: only the fields they use, each type-checked,
// since a saved file is as hostile as anything else hostscan reads.
import {
  type AbuseContact,
  type Confidence,
  type ErrorEntry,
  type MxRecord,
  ROLES,
  type Role,
} from "../profile/types.js";

export interface SavedProvider {
  name: string;
  id: string | null;
  asn: number | null;
  confidence: Confidence | null;
  abuse: AbuseContact | null;
}

export interface SavedNetwork {
  ip: string;
  asn: number | null;
  asName: string | null;
}

export interface SavedTls {
  issuer: string | null;
  issuerOrg: string | null;
  validTo: string | null;
}

export interface SavedRegistration {
  registrar: string | null;
  registrarIanaId: string | null;
  expires: string | null;
  status: string[];
  nameservers: string[];
}

export interface SavedProfile {
  target: string;
  host: string | null;
  scannedAt: string | null;
  providers: Record<Role, SavedProvider | null>;
  registration: SavedRegistration | null;
  /** The site's own addresses (nameserver and MX networks left out). */
  network: SavedNetwork[];
  mx: MxRecord[];
  tls: SavedTls | null;
  technologies: string[];
  errors: Pick<ErrorEntry, "source" | "code">[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === "string");
const CONFIDENCES = new Set(["high", "medium", "low"]);

function abuseOf(v: unknown): AbuseContact | null {
  if (!isObj(v)) return null;
  const contact = { email: str(v.email), url: str(v.url), phone: str(v.phone) };
  return contact.email || contact.url || contact.phone ? contact : null;
}

function providerOf(v: unknown): SavedProvider | null {
  if (!isObj(v) || typeof v.name !== "string" || !v.name.trim()) return null;
  return {
    name: v.name,
    id: str(v.id),
    asn: num(v.asn),
    confidence: CONFIDENCES.has(v.confidence as string) ? (v.confidence as Confidence) : null,
    abuse: abuseOf(v.abuse),
  };
}

function registrationOf(v: unknown): SavedRegistration | null {
  if (!isObj(v)) return null;
  const registrar = isObj(v.registrar) ? v.registrar : {};
  return {
    registrar: str(registrar.name),
    registrarIanaId: str(registrar.ianaId),
    expires: str(v.expires),
    status: strings(v.status),
    nameservers: strings(v.nameservers),
  };
}

function tlsOf(http: unknown): SavedTls | null {
  if (!isObj(http) || !isObj(http.tls)) return null;
  const tls = http.tls;
  return { issuer: str(tls.issuer), issuerOrg: str(tls.issuerOrg), validTo: str(tls.validTo) };
}

/** The profile in `value`, or null when it is not one (no target or no providers object). */
export function savedProfile(value: unknown): SavedProfile | null {
  if (!isObj(value) || typeof value.target !== "string" || !isObj(value.providers)) return null;
  const given = value.providers;
  const providers = {} as Record<Role, SavedProvider | null>;
  for (const role of ROLES) providers[role] = providerOf(given[role]);
  const dns = isObj(value.dns) ? value.dns : {};
  return {
    target: value.target,
    host: str(value.host),
    scannedAt: str(value.scannedAt),
    providers,
    registration: registrationOf(value.registration),
    network: list(value.network)
      .filter((n): n is Obj => isObj(n) && typeof n.ip === "string" && n.host === undefined)
      .map((n) => ({ ip: n.ip as string, asn: num(n.asn), asName: str(n.asName) })),
    mx: list(dns.mx)
      .filter((m): m is Obj => isObj(m) && typeof m.exchange === "string")
      .map((m) => ({ preference: num(m.preference) ?? 0, exchange: m.exchange as string })),
    tls: tlsOf(value.http),
    technologies: list(value.technologies)
      .filter((t): t is Obj => isObj(t) && typeof t.name === "string")
      .map((t) => t.name as string),
    errors: list(value.errors)
      .filter((e): e is Obj => isObj(e) && typeof e.source === "string")
      .map((e) => ({ source: e.source as ErrorEntry["source"], code: str(e.code) ?? "UNKNOWN" })),
  };
}

/** The site's name in reports: its host, else the target as given. */
export const siteName = (p: SavedProfile): string => p.host ?? p.target;
