import type { Evidence } from "../evidence.js";
import type { Providers } from "../profile/types.js";
import type { DetectorRegistry } from "./types.js";

/** One detector per role. */
export const detectors = {
  registrar: () => null,
  registry: () => null,
  dns: () => null,
  cdn: () => null,
  hosting: () => null,
  email: () => null,
  tls: () => null,
  platform: () => null,
} satisfies DetectorRegistry;

/** Runs every role detector over the evidence. */
export function judge(evidence: Evidence): Providers {
  return {
    registrar: detectors.registrar(evidence),
    registry: detectors.registry(evidence),
    dns: detectors.dns(evidence),
    cdn: detectors.cdn(evidence),
    hosting: detectors.hosting(evidence),
    email: detectors.email(evidence),
    tls: detectors.tls(evidence),
    platform: detectors.platform(evidence),
  };
}
