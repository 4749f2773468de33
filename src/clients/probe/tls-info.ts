import type { X509Certificate } from "node:crypto";
import type { DetailedPeerCertificate, PeerCertificate } from "node:tls";
import type { TlsInfo } from "../records.js";
import { parseX509Name } from "./x509-name.js";

/** The verdict on a presented certificate: chain verification and host-name check. */
export interface TlsVerdict {
  /** OpenSSL's chain verification error code (CERT_HAS_EXPIRED, …), null when the chain verified. */
  chainError: string | null;
  /** The host-name check's error code (ERR_TLS_CERT_ALTNAME_INVALID), null when the name matched. */
  nameError: string | null;
}

// Node gives a name field as a string, or an array when the certificate repeats it.
function field(name: Record<string, unknown> | undefined, key: string): string | null {
  const v = name?.[key];
  if (typeof v === "string") return v;
  if (Array.isArray(v) && typeof v[0] === "string") return v.join(", ");
  return null;
}

/** "O / CN" as the contract shows issuers ("Google Trust Services / WE1"), or whichever exists. */
export function describeName(name: Record<string, unknown> | undefined): string | null {
  const parts = [field(name, "O"), field(name, "CN")].filter((p): p is string => !!p);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length ? unique.join(" / ") : null;
}

function isoDate(text: string | undefined): string | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** SAN entries as plain names and addresses ("DNS:a, IP Address:1.2.3.4" → ["a", "1.2.3.4"]). */
export function parseSubjectAltName(san: string | undefined): string[] {
  if (!san) return [];
  return san
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, "").trim())
    .filter((entry) => entry.length > 0 && entry.length < 300)
    .slice(0, 200);
}

// The issuers up the presented chain, leaf's issuer first; stops at a self-issued certificate.
function issuerChain(cert: DetailedPeerCertificate): string[] {
  const chain: string[] = [];
  const seen = new Set<unknown>();
  let cur: DetailedPeerCertificate | undefined = cert;
  while (cur && !seen.has(cur) && chain.length < 10) {
    seen.add(cur);
    const issuer = describeName(cur.issuer as unknown as Record<string, unknown>);
    if (issuer) chain.push(issuer);
    const next: DetailedPeerCertificate | undefined = cur.issuerCertificate;
    if (!next || next === cur || next.fingerprint256 === cur.fingerprint256) break;
    // A self-signed root names itself as issuer: already listed as the issuer of the one below.
    if (
      next.issuerCertificate === next ||
      next.issuerCertificate?.fingerprint256 === next.fingerprint256
    )
      break;
    cur = next;
  }
  return chain;
}

/** The profile's `http.tls` from a peer certificate and its verdict; invalid certificates included. */
export function tlsInfoFromCertificate(
  cert: PeerCertificate | DetailedPeerCertificate,
  verdict: TlsVerdict,
): TlsInfo {
  const subject = cert.subject as unknown as Record<string, unknown> | undefined;
  const issuer = cert.issuer as unknown as Record<string, unknown> | undefined;
  const san = parseSubjectAltName(cert.subjectaltname);
  const error = verdict.chainError ?? verdict.nameError;
  return {
    issuer: describeName(issuer),
    subject: field(subject, "CN") ?? san[0] ?? null,
    san,
    validFrom: isoDate(cert.valid_from),
    validTo: isoDate(cert.valid_to),
    sha256: cert.fingerprint256 || null,
    trusted: error === null,
    error,
    issuerOrg: field(issuer, "O"),
    chain: "issuerCertificate" in cert ? issuerChain(cert) : [],
  };
}

// Chain errors meaning the leaf's issuer was found neither in the presented chain nor the store.
const ISSUER_NOT_FOUND = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
]);

// issuerChain over X509Certificate: the same names, leaf's issuer first, up to a self-issued one.
// The legacy object lists nothing when the leaf's issuer was not found at all; neither do we.
function x509IssuerChain(leaf: X509Certificate, verdict: TlsVerdict): string[] {
  const first = leaf.issuerCertificate;
  if (!first && !leaf.checkIssued(leaf) && ISSUER_NOT_FOUND.has(verdict.chainError ?? ""))
    return [];
  const chain: string[] = [];
  const seen = new Set<string>();
  let cur: X509Certificate | undefined = leaf;
  let next = first;
  while (cur && !seen.has(cur.fingerprint256) && chain.length < 10) {
    seen.add(cur.fingerprint256);
    const issuer = describeName(parseX509Name(cur.issuer));
    if (issuer) chain.push(issuer);
    if (!next || next.fingerprint256 === cur.fingerprint256) break;
    // A self-signed root names itself as issuer: already listed as the issuer of the one below.
    if (next.checkIssued(next)) break;
    cur = next;
    next = cur.issuerCertificate;
  }
  return chain;
}

/**
 * The same `http.tls` as tlsInfoFromCertificate, read from `getPeerX509Certificate()`: its fields
 * are computed on demand, where the legacy object copies the DER, the key and three digests of
 * every certificate in the chain.
 */
export function tlsInfoFromX509(cert: X509Certificate, verdict: TlsVerdict): TlsInfo {
  const subject = parseX509Name(cert.subject);
  const issuer = parseX509Name(cert.issuer);
  const san = parseSubjectAltName(cert.subjectAltName);
  const error = verdict.chainError ?? verdict.nameError;
  return {
    issuer: describeName(issuer),
    subject: field(subject, "CN") ?? san[0] ?? null,
    san,
    validFrom: isoDate(cert.validFrom),
    validTo: isoDate(cert.validTo),
    sha256: cert.fingerprint256 || null,
    trusted: error === null,
    error,
    issuerOrg: field(issuer, "O"),
    chain: x509IssuerChain(cert, verdict),
  };
}

/** What `tls.checkServerIdentity` reads of a certificate (subject CN and SANs), from X509. */
export function identityOf(cert: X509Certificate): PeerCertificate {
  return {
    subject: parseX509Name(cert.subject),
    subjectaltname: cert.subjectAltName,
  } as unknown as PeerCertificate;
}
