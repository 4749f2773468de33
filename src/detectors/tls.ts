// The certificate authority that issued the served certificate, with its problem-report channel
// (CA/Browser Forum Baseline Requirements §4.9.3).

import type { Evidence } from "../evidence.js";
import type { Provider } from "../profile/types.js";
import {
  catalogueAbuse,
  knownIssuers,
  normaliseOrg,
  providerByIssuer,
} from "../providers/index.js";
import { noAbuse } from "./attribution.js";

/** The issuing CA, or null when no certificate was seen or it is self-signed. */
export function detectTls(e: Evidence): Provider | null {
  const tls = e.http?.section.tls;
  if (!tls) return null;
  if (tls.error && /self[- ]?signed/i.test(tls.error)) return null;
  const org = tls.issuerOrg?.trim() || null;
  const issuer = tls.issuer?.trim() || null;
  let entry = org ? providerByIssuer(org) : undefined;
  if (!entry && issuer) {
    const text = normaliseOrg(issuer);
    entry = knownIssuers().find(([known]) => text.includes(known))?.[1];
  }
  const evidence = [
    `certificate issuer ${issuer ?? org}${org && issuer && !issuer.includes(org) ? ` (organisation ${org})` : ""}`,
  ];
  if (tls.trusted === false && tls.error) evidence.push(`certificate not trusted: ${tls.error}`);
  if (entry) {
    return {
      name: entry.name,
      asn: null,
      confidence: tls.trusted === false ? "medium" : "high",
      evidence,
      abuse: catalogueAbuse(entry) ?? noAbuse(),
      id: entry.id,
    };
  }
  if (!org) return null;
  return { name: org, asn: null, confidence: "medium", evidence, abuse: noAbuse() };
}
