// Redaction placeholders and privacy-proxy services are not names (ICANN Temporary
// Specification 2018, RFC 9537); hostscan reports them as null plus a privacy mark.

const PLACEHOLDER =
  /redacted|data protected|not disclosed|non-public|withheld|privacy|gdpr|masked|hidden|not available|statutory|please query|contact the registrar|^n\/?a$|^none$|^private$|^-+$/i;

const SERVICES: RegExp[] = [
  /withheld for privacy[^,;]*/i,
  /domains by proxy[^;]*/i,
  /whoisguard[^,;]*/i,
  /contact privacy inc\.?[^;]*/i,
  /privacyguardian\.org[^;]*/i,
  /perfect privacy,? llc/i,
  /identity protection service/i,
  /whois privacy (?:protection )?(?:service|corp)[^;]*/i,
  /private by design,? llc/i,
  /super privacy service[^;]*/i,
  /domain protection services,? inc\.?/i,
  /data protected,? llc|redacted for privacy purposes/i,
];

/** True when a published name is a redaction placeholder or a privacy service, not a name. */
export function isRedacted(value: string | null): boolean {
  return value !== null && (PLACEHOLDER.test(value) || privacyService(value) !== null);
}

/** The privacy-proxy service a published name refers to ("Withheld for Privacy ehf"), or null. */
export function privacyService(value: string | null): string | null {
  if (!value) return null;
  for (const re of SERVICES) {
    const m = re.exec(value);
    if (m) return m[0].trim().replace(/[.,]$/, "");
  }
  return null;
}
