/** A target after normalisation: what the user gave and what hostscan scans. */
export interface Target {
  /** Exactly as given. */
  input: string;
  /** Lower-case ASCII (punycode) host name, no trailing dot. */
  host: string;
  /** Registrable domain under the ICANN section of the Public Suffix List. */
  domain: string;
  /** The URL when the target was one (for the HTTP probe's first request). */
  url: string | null;
}
