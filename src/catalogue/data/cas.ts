// Certificate authorities, by the issuer organisation they put in certificates, with the
// problem-report channel the CA/Browser Forum Baseline Requirements §4.9.3 make them publish.

import type { ProviderEntry } from "../schema.js";

const CCADB_PROBLEM_REPORTING =
  "https://ccadb-public.secure.force.com/mozillacommunications/CACommResponsesOnlyReport?CommunicationId=a05o000003WrzBC&QuestionId=Q00028";

/** A CA entry: issuer organisations plus its problem-report channel. */
function ca(
  id: string,
  name: string,
  website: string,
  issuers: string[],
  issuerSource: string,
  abuse: ProviderEntry["abuse"],
  issuersUnverified = true,
): ProviderEntry {
  return {
    id,
    name,
    kinds: ["ca"],
    website,
    signals: [
      {
        type: "issuer",
        values: issuers,
        source: issuerSource,
        ...(issuersUnverified ? { unverified: true as const } : {}),
      },
    ],
    abuse,
  };
}

export const CA_PROVIDERS: ProviderEntry[] = [
  ca(
    "lets-encrypt",
    "Let's Encrypt",
    "https://letsencrypt.org",
    ["Let's Encrypt"],
    "https://community.letsencrypt.org/t/stop-unauthenticated-use-of-our-email-address-for-le-certs/93822/7",
    {
      email: "cert-prob-reports@letsencrypt.org",
      source: "https://letsencrypt.org/repository/",
      unverified: true,
    },
    false,
  ),
  ca(
    "google-trust-services",
    "Google Trust Services",
    "https://pki.goog",
    ["Google Trust Services", "Google Trust Services LLC"],
    "https://pki.goog/faq/",
    { url: "https://pki.goog/faq/", source: "https://pki.goog/faq/" },
  ),
  ca(
    "digicert",
    "DigiCert",
    "https://www.digicert.com",
    ["DigiCert Inc", "DigiCert, Inc."],
    "https://www.digicert.com/faq/certificate-revocation.htm",
    {
      url: "https://problemreport.digicert.com",
      source: "https://www.digicert.com/faq/certificate-revocation.htm",
    },
  ),
  ca(
    "sectigo",
    "Sectigo",
    "https://sectigo.com",
    ["Sectigo Limited", "COMODO CA Limited"],
    "https://sectigo.com/support/report-abuse",
    {
      url: "https://sectigo.com/support/report-abuse",
      source: "https://sectigo.com/support/report-abuse",
    },
  ),
  ca(
    "globalsign",
    "GlobalSign",
    "https://www.globalsign.com",
    ["GlobalSign nv-sa", "GlobalSign"],
    "https://support.incapsula.com/hc/en-us/articles/204350230-Account-Setup",
    {
      email: "report-abuse@globalsign.com",
      source:
        "https://github.com/Squiblydoo/certReport/blob/38868e7e7bfef8b7248f109936b13a4fd6716ba5/certReport.py",
      unverified: true,
    },
  ),
  ca(
    "amazon-trust-services",
    "Amazon Trust Services",
    "https://www.amazontrust.com",
    ["Amazon"],
    "https://www.amazontrust.com/repository/",
    { email: "ats-tsp-requests@amazon.com", source: CCADB_PROBLEM_REPORTING },
  ),
  ca(
    "buypass",
    "Buypass",
    "https://www.buypass.com",
    ["Buypass AS-983163327"],
    "https://www.buypass.com/ssl/support/ssl-problem-reporting",
    {
      url: "https://www.buypass.com/ssl/support/ssl-problem-reporting",
      source: CCADB_PROBLEM_REPORTING,
    },
  ),
  ca(
    "certum",
    "Certum (Asseco)",
    "https://www.certum.eu",
    ["Asseco Data Systems S.A.", "Unizeto Technologies S.A."],
    CCADB_PROBLEM_REPORTING,
    {
      url: "https://www.certum.eu/certum/cert,contact_contact.xml",
      source: CCADB_PROBLEM_REPORTING,
    },
  ),
  ca("actalis", "Actalis", "https://www.actalis.com", ["Actalis S.p.A."], CCADB_PROBLEM_REPORTING, {
    url: "https://www.actalis.it/products/ssl-certificate.aspx",
    source: CCADB_PROBLEM_REPORTING,
  }),
  // ZeroSSL's issuing CAs chain to Sectigo's USERTrust roots and answer OCSP at
  // zerossl.ocsp.sectigo.com, so problem reports go to Sectigo: its TLS CP/CPS v6.2.1
  // (2026-04-20) §1.5.2.1 names the revocation methods page and, failing those,
  // sslabuse@sectigo.com (read in a public copy of the CPS).
  ca("zerossl", "ZeroSSL", "https://zerossl.com", ["ZeroSSL"], "https://zerossl.com", {
    email: "sslabuse@sectigo.com",
    url: "https://sectigo.com/support/revocation",
    source: "https://sectigo.com/legal",
    unverified: true,
  }),
  ca(
    "entrust",
    "Entrust",
    "https://www.entrust.com",
    ["Entrust, Inc."],
    "https://www.entrust.com",
    {
      url: "https://www.entrust.com/it/support/certificate-solutions/report-a-problem",
      source: "https://www.entrust.com/it/support/certificate-solutions/report-a-problem",
    },
  ),
  ca(
    "godaddy-ca",
    "GoDaddy (Starfield)",
    "https://www.godaddy.com",
    ["GoDaddy.com, Inc.", "Starfield Technologies, Inc."],
    "https://docs.sucuri.net/website-firewall/sucuri-firewall-troubleshooting-guide/",
    // Starfield Technologies Public TLS CP/CPS v5.06 (2026-04-15) §1.5.2: certificate problem
    // reports to (480) 505-8852 or practices@starfieldtech.com (read in a public copy).
    {
      email: "practices@starfieldtech.com",
      phone: "+1 480 505 8852",
      source: "https://certs.godaddy.com/repository",
      unverified: true,
    },
  ),
  ca(
    "microsoft-pki",
    "Microsoft PKI",
    "https://www.microsoft.com/pkiops",
    ["Microsoft Corporation"],
    "https://www.microsoft.com/pkiops/docs/repository.htm",
    null,
  ),
];
