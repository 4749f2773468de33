// What changed between two scans of one target: providers, registration, networks, mail,
// certificate, technologies and failures. Scan times, durations, record order and evidence
// wording are not compared: they change on every run.
import { ROLES } from "../profile/types.js";
import type { SavedProfile, SavedProvider, SavedRegistration } from "../saved/saved-profile.js";
import { nameKey } from "../summary/company.js";
import { hostKey, setDiff } from "./sets.js";
import type { Change, ChangeKind, DiffOptions } from "./types.js";

const DAY_MS = 86_400_000;

const change = (
  field: string,
  kind: ChangeKind,
  old: string | null,
  next: string | null,
  sets: { added: string[]; removed: string[] } = { added: [], removed: [] },
): Change => ({ field, kind, old, new: next, ...sets });

/** Same provider: the same catalogue id when both have one, else the same name. */
function sameProvider(a: SavedProvider, b: SavedProvider): boolean {
  if (a.id && b.id) return a.id === b.id;
  return nameKey(a.name) === nameKey(b.name);
}

function providerChanges(old: SavedProfile, next: SavedProfile): Change[] {
  const out: Change[] = [];
  for (const role of ROLES) {
    const a = old.providers[role];
    const b = next.providers[role];
    const field = `providers.${role}`;
    if (!a && b) out.push(change(field, "added", null, b.name));
    else if (a && !b) out.push(change(field, "removed", a.name, null));
    else if (a && b && !sameProvider(a, b)) out.push(change(field, "replaced", a.name, b.name));
    else if (a && b && a.confidence !== b.confidence)
      out.push(change(`${field}.confidence`, "changed", a.confidence, b.confidence));
  }
  return out;
}

const passed = (date: string | null, at: string | null): boolean => {
  const d = date ? Date.parse(date) : Number.NaN;
  const now = at ? Date.parse(at) : Number.NaN;
  return !Number.isNaN(d) && !Number.isNaN(now) && d < now;
};

function sameRegistrar(a: SavedRegistration, b: SavedRegistration): boolean {
  if (a.registrarIanaId && b.registrarIanaId) return a.registrarIanaId === b.registrarIanaId;
  return nameKey(a.registrar ?? "") === nameKey(b.registrar ?? "");
}

function registrationChanges(old: SavedProfile, next: SavedProfile): Change[] {
  const a = old.registration;
  const b = next.registration;
  if (!a && !b) return [];
  if (!a || !b) return [change("registration", b ? "added" : "removed", null, null)];
  const out: Change[] = [];
  if (!sameRegistrar(a, b))
    out.push(change("registration.registrar", "transferred", a.registrar, b.registrar));
  if (passed(b.expires, next.scannedAt) && !passed(a.expires, old.scannedAt))
    out.push(change("registration.expires", "lapsed", a.expires, b.expires));
  else if (a.expires !== b.expires) {
    const later = Date.parse(b.expires ?? "") > Date.parse(a.expires ?? "");
    out.push(change("registration.expires", later ? "renewed" : "changed", a.expires, b.expires));
  }
  const status = setDiff(a.status, b.status, (s) => s.toLowerCase());
  if (status.added.length || status.removed.length)
    out.push(change("registration.status", "changed", null, null, status));
  const ns = setDiff(a.nameservers, b.nameservers, hostKey);
  if (ns.added.length || ns.removed.length)
    out.push(change("registration.nameservers", "changed", null, null, ns));
  return out;
}

/** The networks a site's addresses are in, "AS13335 CLOUDFLARENET" (addresses alone churn). */
function networks(p: SavedProfile): string[] {
  const seen = new Map<number, string>();
  for (const n of p.network) {
    if (n.asn !== null && !seen.has(n.asn))
      seen.set(n.asn, n.asName ? `AS${n.asn} ${n.asName}` : `AS${n.asn}`);
  }
  return [...seen.values()];
}

const asnKey = (label: string) => label.split(" ")[0] ?? label;

function dnsChanges(old: SavedProfile, next: SavedProfile): Change[] {
  const out: Change[] = [];
  const nets = setDiff(networks(old), networks(next), asnKey);
  if (nets.added.length || nets.removed.length)
    out.push(change("network", "moved", null, null, nets));
  const mx = setDiff(
    old.mx.map((m) => m.exchange),
    next.mx.map((m) => m.exchange),
    hostKey,
  );
  if (mx.added.length || mx.removed.length) out.push(change("dns.mx", "changed", null, null, mx));
  return out;
}

const issuerOf = (p: SavedProfile) => p.tls?.issuer ?? p.tls?.issuerOrg ?? null;
// The CA, not the intermediate: Let's Encrypt rotating R10/R11 is not a new issuer.
const caOf = (p: SavedProfile) => nameKey(p.tls?.issuerOrg ?? p.tls?.issuer ?? "");

function tlsChanges(old: SavedProfile, next: SavedProfile, options: DiffOptions): Change[] {
  const out: Change[] = [];
  if (old.tls && next.tls && caOf(old) !== caOf(next))
    out.push(change("http.tls.issuer", "replaced", issuerOf(old), issuerOf(next)));
  else if (!old.tls && next.tls) out.push(change("http.tls", "added", null, issuerOf(next)));
  else if (old.tls && !next.tls) out.push(change("http.tls", "removed", issuerOf(old), null));
  const validTo = next.tls?.validTo ?? null;
  if (options.expiringDays !== null && validTo && next.scannedAt) {
    const left = Date.parse(validTo) - Date.parse(next.scannedAt);
    if (!Number.isNaN(left) && left <= options.expiringDays * DAY_MS)
      out.push(change("http.tls.validTo", "expiring", old.tls?.validTo ?? null, validTo));
  }
  return out;
}

const errorKeys = (p: SavedProfile) => [...new Set(p.errors.map((e) => `${e.source} ${e.code}`))];

/** Every change from `old` to `next`, in a fixed order; empty when nothing that matters moved. */
export function compareProfiles(
  old: SavedProfile,
  next: SavedProfile,
  options: DiffOptions,
): Change[] {
  const out = [
    ...providerChanges(old, next),
    ...registrationChanges(old, next),
    ...dnsChanges(old, next),
    ...tlsChanges(old, next, options),
  ];
  const tech = setDiff(old.technologies, next.technologies);
  if (tech.added.length || tech.removed.length)
    out.push(change("technologies", "changed", null, null, tech));
  const errors = setDiff(errorKeys(old), errorKeys(next));
  if (errors.added.length || errors.removed.length)
    out.push(change("errors", "changed", null, null, errors));
  return out;
}
