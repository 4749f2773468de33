import type { Evidence } from "../evidence.js";
import { type Providers, ROLES } from "../profile/types.js";
import { detectRegistrar } from "./registrar.js";
import { detectRegistry } from "./registry.js";
import type { DetectorRegistry } from "./types.js";

/** One detector per role. */
export const detectors = {
  registrar: detectRegistrar,
  registry: detectRegistry,
  dns: () => null,
  cdn: () => null,
  hosting: () => null,
  email: () => null,
  tls: () => null,
  platform: () => null,
} satisfies DetectorRegistry;

/** Runs every role detector over the evidence. */
export function judge(evidence: Evidence): Providers {
  const registry: DetectorRegistry = detectors;
  return Object.fromEntries(ROLES.map((role) => [role, registry[role](evidence)])) as Providers;
}
