import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { CATALOGUE } from "../catalogue/index.js";
import { fingerprintsVersion } from "../judge/fingerprints/dataset.js";
import type { Generator } from "../profile/types.js";

/** hostscan's own version, from its package.json. */
export function hostscanVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/**
 * A digest of the provider catalogue ("sha256:" and 12 hex digits): it changes whenever any
 * entry does, with no version number to forget to bump. Patterns count by their source text.
 */
export function catalogueDigest(): string {
  const text = JSON.stringify(CATALOGUE, (_key, value: unknown) =>
    value instanceof RegExp ? `/${value.source}/${value.flags}` : value,
  );
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
}

/** What makes this run's profiles (read once per run, by createContext). */
export function generatorInfo(): Generator {
  return {
    name: "hostscan",
    version: hostscanVersion(),
    fingerprints: fingerprintsVersion,
    catalogue: catalogueDigest(),
  };
}
