// Public sources the catalogue cites more than once (pinned to the commits that were read).

export const WAPPALYZER =
  "https://github.com/enthec/webappanalyzer/tree/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies";
export const CDNCHECK =
  "https://github.com/projectdiscovery/cdncheck/blob/6fbcc53c0a4f3b17242fbdd46972b46f3a05049b/cmd/generate-index/provider.yaml";
export const CDNCHECK_DATA =
  "https://github.com/projectdiscovery/cdncheck/blob/6fbcc53c0a4f3b17242fbdd46972b46f3a05049b/sources_data.json";
export const WAFW00F = "https://github.com/EnableSecurity/wafw00f/tree/acf61041/wafw00f/plugins";
export const MXSNIFF = "https://github.com/jace/mxsniff";
export const BAD_ASN = "https://github.com/brianhama/bad-asn-list/blob/master/bad-asn-list.csv";

/** MISP warning list of a provider's published ranges. */
export function misp(list: string): string {
  return `https://github.com/MISP/misp-warninglists/blob/84f0610aaf3b32159285c9b85510d0f415ea6b27/lists/${list}/list.json`;
}

/** PeeringDB record of an AS (used where no stored primary source was read: marked unverified). */
export function peeringdb(asn: number): string {
  return `https://www.peeringdb.com/asn/${asn}`;
}
