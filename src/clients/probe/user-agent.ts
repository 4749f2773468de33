export const DEFAULT_USER_AGENT =
  "hostscan/0.1 (+https://www.npmjs.com/package/hostscan; provider attribution scanner)";

/** `--user-agent browser`: for sites that refuse tools; hostscan's own name stays the default. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/** The User-Agent for a --user-agent value: the preset name "browser", else the text as given. */
export function userAgentFor(value: string): string {
  return value.trim().toLowerCase() === "browser" ? BROWSER_USER_AGENT : value;
}
