import { type Providers, ROLES } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import { detectCdn } from "./cdn.js";
import { derive } from "./derived.js";
import { detectDns } from "./dns.js";
import { detectEmail } from "./email.js";
import { detectHosting } from "./hosting.js";
import { detectPlatform } from "./platform.js";
import { detectRegistrar } from "./registrar.js";
import { detectRegistry } from "./registry.js";
import { detectTls } from "./tls.js";
import type { DetectorRegistry } from "./types.js";

/** One detector per role. */
export const detectors = {
  registrar: detectRegistrar,
  registry: detectRegistry,
  dns: detectDns,
  cdn: detectCdn,
  hosting: detectHosting,
  email: detectEmail,
  tls: detectTls,
  platform: detectPlatform,
} satisfies DetectorRegistry;

/** Runs every role detector over the evidence. */
export function judge(evidence: Evidence): Providers {
  const registry: DetectorRegistry = detectors;
  const derived = derive(evidence);
  return Object.fromEntries(
    ROLES.map((role) => [role, registry[role](evidence, derived)]),
  ) as Providers;
}
