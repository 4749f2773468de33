// The certificate authority that issued the served certificate, with its problem-report channel
// (CA/Browser Forum Baseline Requirements §4.9.3).

import { providerByIssuer } from "../../catalogue/index.js";
import type { Provider, TlsInfo } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { noAbuse, reportTo } from "./report-to.js";

/** Node's host-name check code: the probe reports it only once the chain verified (src/probe). */
const NAME_ONLY = "ERR_TLS_CERT_ALTNAME_INVALID";

/** True when the chain verified up to a trusted root (the name may still be wrong). */
export function chainVerified(tls: TlsInfo): boolean {
  if (tls.trusted === true) return true;
  return tls.trusted === false && tls.error === NAME_ONLY;
}

/**
 * The issuing CA, or null when no certificate was seen or its chain did not verify: a
 * self-signed, unknown-issuer or expired certificate can claim any issuer it likes.
 */
export function detectTls(e: Evidence): Provider | null {
  const tls = e.http?.section.tls;
  if (!tls || !chainVerified(tls)) return null;
  const org = tls.issuerOrg?.trim() || null;
  if (!org) return null;
  // Issuer organisations are matched whole (normalised), never by substring.
  const entry = providerByIssuer(org);
  const issuer = tls.issuer?.trim() || null;
  const evidence = [
    `certificate issuer ${issuer ?? org}${issuer && !issuer.includes(org) ? ` (organisation ${org})` : ""}`,
    tls.trusted
      ? "certificate chain verified"
      : `certificate chain verified, but the name does not match the host (${tls.error})`,
  ];
  // The CA is certain once the chain verified; a certificate for another name is a weaker link.
  const confidence = tls.trusted && entry ? "high" : "medium";
  if (entry) {
    return {
      name: entry.name,
      asn: null,
      confidence,
      evidence,
      ...reportTo(entry, []),
      id: entry.id,
    };
  }
  return { name: org, asn: null, confidence: "medium", evidence, abuse: noAbuse() };
}
