import { readFileSync } from "node:fs";
import type { ScanOptions } from "./options.js";

/**
 * The system's resolver configuration (/etc/resolv.conf), read only when no --resolver or
 * --doh is given: the CLI and the library both ask the servers the machine is set up with.
 */
export function systemResolvConf(options: ScanOptions): string | null {
  if (options.resolvers.length > 0 || options.doh) return null;
  try {
    return readFileSync("/etc/resolv.conf", "utf8");
  } catch {
    return null;
  }
}
