export { DEFAULT_USER_AGENT } from "../options.js";

/** A browser-like User-Agent preset (--user-agent browser), for sites that turn tools away. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** The User-Agent for a --user-agent value: the preset names "browser", else the text as given. */
export function userAgentFor(value: string): string {
  return value.trim().toLowerCase() === "browser" ? BROWSER_USER_AGENT : value;
}
