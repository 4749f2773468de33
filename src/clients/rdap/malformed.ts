import type { ErrorEntry } from "../records.js";

/**
 * The BAD_RESPONSE entry for a decoded document's members of the wrong type (the rest of the
 * document was used), or none. One entry per document, naming each field.
 */
export function malformedFields(url: string, warnings: string[]): ErrorEntry[] {
  if (warnings.length === 0) return [];
  const host = URL.canParse(url) ? new URL(url).host : url.slice(0, 100);
  return [
    { source: "rdap", code: "BAD_RESPONSE", message: `${host}: ignored ${warnings.join("; ")}` },
  ];
}
