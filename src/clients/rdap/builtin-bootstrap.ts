// The fallback used when no IANA bootstrap file can be had (network down, no cache):
// enough to keep the common lookups going. Sources: IANA dns/ipv4/ipv6/asn.json, 2024
// (https://data.iana.org/rdap/). Every use is reported as
// BOOTSTRAP_UNAVAILABLE in the profile's errors.
import type { BootstrapFile } from "./bootstrap-registry.js";

/** RDAP base URL of each RIR, keyed by the registry names Team Cymru uses. */
export const RIR_RDAP: Readonly<Record<string, string>> = {
  arin: "https://rdap.arin.net/registry/",
  ripencc: "https://rdap.db.ripe.net/",
  apnic: "https://rdap.apnic.net/",
  lacnic: "https://rdap.lacnic.net/rdap/",
  afrinic: "https://rdap.afrinic.net/rdap/",
};

const DOMAINS: [string[], string][] = [
  [["com"], "https://rdap.verisign.com/com/v1/"],
  [["net"], "https://rdap.verisign.com/net/v1/"],
  [
    ["org", "ngo", "ong", "charity", "foundation", "gives"],
    "https://rdap.publicinterestregistry.org/rdap/",
  ],
  [["info"], "https://rdap.identitydigital.services/rdap/"],
  [["xyz"], "https://rdap.centralnic.com/xyz/"],
  [["app", "dev"], "https://www.registry.google/rdap/"],
  [["uk"], "https://rdap.nominet.uk/uk/"],
  [["fr"], "https://rdap.nic.fr/"],
  [["nl"], "https://rdap.sidn.nl/"],
  [["cz"], "https://rdap.nic.cz/"],
  [["no"], "https://rdap.norid.no/"],
  [["br"], "https://rdap.registro.br/"],
];

/** The built-in domain table. */
export const BUILTIN_DNS: BootstrapFile = {
  publication: null,
  entries: DOMAINS.flatMap(([keys, url]) => keys.map((key) => ({ key, urls: [url] }))),
};

/**
 * Built-in address and AS tables: without IANA's files the RIR is unknown, so everything goes
 * to ARIN, whose RDAP answers for other RIRs' resources with a redirect to the right one
 * (callers that know the RIR from Team Cymru ask it directly).
 */
export const BUILTIN_IP: BootstrapFile = {
  publication: null,
  entries: [
    { key: "0.0.0.0/0", urls: [RIR_RDAP.arin as string] },
    { key: "::/0", urls: [RIR_RDAP.arin as string] },
  ],
};

export const BUILTIN_ASN: BootstrapFile = {
  publication: null,
  entries: [{ key: "0-4294967295", urls: [RIR_RDAP.arin as string] }],
};
