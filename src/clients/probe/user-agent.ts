import { BROWSER_USER_AGENT } from "../../scan/options.js";

export { BROWSER_USER_AGENT, DEFAULT_USER_AGENT } from "../../scan/options.js";

/** The User-Agent for a --user-agent value: the preset name "browser", else the text as given. */
export function userAgentFor(value: string): string {
  return value.trim().toLowerCase() === "browser" ? BROWSER_USER_AGENT : value;
}
