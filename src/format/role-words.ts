import type { Confidence, Profile, Provider, Role } from "../profile/types.js";
import type { Style } from "./paint.js";

/** What each role is called in plain words. */
export const ROLE_LABELS: Record<Role, string> = {
  registrar: "registrar",
  registry: "registry",
  dns: "DNS host",
  cdn: "CDN / WAF",
  hosting: "hosting",
  email: "mail",
  tls: "certificate authority",
  platform: "platform",
};

/** How confident the colour says it is. */
export const CONFIDENCE_STYLE: Record<Confidence, Style> = {
  high: "good",
  medium: "warn",
  low: "bad",
};

/** The provider as a person reads it: name, AS number and note ("Cloudflare AS13335 (origin hidden)"). */
export function providerText(p: Provider): string {
  const asn = p.asn != null ? ` AS${p.asn}` : "";
  return `${p.name}${asn}${p.note ? ` (${p.note})` : ""}`;
}

// Roles the site itself answers for: without the HTTP probe they were never looked at.
const SITE_ROLES = new Set<Role>(["cdn", "tls", "platform"]);

/** What to print for a role with no provider: why there is none, in plain words. */
export function missingText(profile: Profile, role: Role): string {
  if (SITE_ROLES.has(role) && profile.sources.http?.status === "skipped") {
    return "not checked (--passive)";
  }
  if (role === "cdn" || role === "platform") return "none found";
  return "unknown";
}

/** The contact a person writes to first: e-mail, else the web form, else the phone. */
export function firstContact(p: Provider | null): string | null {
  return p ? (p.abuse.email ?? p.abuse.url ?? p.abuse.phone ?? null) : null;
}

/**
 * Where to turn when a role has no channel of its own: a gTLD registry sends abuse to the
 * registrar, self-hosted software to its host; a registry that publishes no registrar says so.
 */
export function contactHint(profile: Profile, role: Role): string | null {
  const p = profile.providers[role];
  const tld = profile.domain?.split(".").pop() ?? "";
  if (role === "registry" && p && !/^[a-z]{2}$/.test(tld)) return "report to the registrar";
  if (role === "registrar" && !p && profile.registration && profile.providers.registry) {
    return `.${tld}: ${profile.providers.registry.name} publishes no registrar`;
  }
  if (role === "platform" && p?.note === "self-hosted") return "report to the host";
  return null;
}
