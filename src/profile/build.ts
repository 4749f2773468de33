import { type Evidence, emptyDnsSection } from "../sources/evidence.js";
import {
  PROFILE_SCHEMA,
  type Profile,
  type Providers,
  type Registration,
  ROLES,
  type RunFacts,
} from "./types.js";

/** Providers with every role null. */
export function noProviders(): Providers {
  return Object.fromEntries(ROLES.map((r) => [r, null])) as Providers;
}

/** The contract profile: a pure view of the evidence and the judged providers. */
export function buildProfile(evidence: Evidence, providers: Providers, run: RunFacts): Profile {
  return {
    schema: PROFILE_SCHEMA,
    target: evidence.target.input,
    host: evidence.target.host,
    domain: evidence.target.domain,
    scannedAt: run.scannedAt,
    durationMs: run.durationMs,
    generator: run.generator,
    providers,
    dns: evidence.dns?.section ?? emptyDnsSection(),
    registration: withPrivacyService(evidence),
    network: evidence.network?.site ?? [],
    http: evidence.http
      ? {
          ...evidence.http.section,
          ...(evidence.answering ? { remoteNetwork: evidence.answering.network } : {}),
        }
      : null,
    technologies: evidence.technologies,
    errors: evidence.errors,
    sources: evidence.sources,
  };
}

// The service a redacted registrant hides behind is named beside the registrant.
function withPrivacyService(evidence: Evidence): Registration | null {
  const reg = evidence.registration?.registration ?? null;
  const service = evidence.registration?.privacyService;
  if (!reg || !service) return reg;
  const registrant = reg.registrant ?? { organization: null, country: null };
  return { ...reg, registrant: { ...registrant, privacy: true, privacyService: service } };
}

/** The profile of a target that could not be scanned at all (invalid input). */
export function failedProfile(
  input: string,
  error: { code: string; message: string },
  run: RunFacts,
): Profile {
  return {
    schema: PROFILE_SCHEMA,
    target: input,
    host: null,
    domain: null,
    scannedAt: run.scannedAt,
    durationMs: run.durationMs,
    generator: run.generator,
    providers: noProviders(),
    dns: emptyDnsSection(),
    registration: null,
    network: [],
    http: null,
    technologies: [],
    errors: [{ source: "input", code: error.code, message: error.message }],
    sources: {},
  };
}
