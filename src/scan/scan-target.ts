import { judge } from "../judge/detectors/index.js";
import { detectTechnologies } from "../judge/fingerprints/detect.js";
import { buildProfile } from "../profile/build.js";
import { errorCode, errorMessage, toErrorEntry } from "../profile/errors.js";
import type { ErrorEntry, ErrorSource, Profile } from "../profile/types.js";
import { gatherAnsweringNetwork } from "../sources/answering-network.js";
import { type Evidence, emptyEvidence } from "../sources/evidence.js";
import { sources } from "../sources/index.js";
import type {
  SourceId,
  SourceInput,
  SourceOutcome,
  SourceRegistry,
  SourceResult,
  SourceValues,
} from "../sources/types.js";
import type { Context } from "./context.js";
import type { Target } from "./targets/types.js";
import { ABORTED, untilAbort } from "./until-abort.js";

/** The profile's error source for a source id (registration and network speak for RDAP/ASN). */
function errorSourceOf(id: SourceId): ErrorSource {
  return id === "registration" ? "rdap" : id === "network" ? "asn" : id;
}

/** TIMEOUT when the target's deadline stopped `what`, ABORTED when the run was interrupted. */
function deadlineError(source: ErrorSource, what: string, signal: AbortSignal): ErrorEntry {
  const timeout = errorCode(signal.reason) === "TIMEOUT";
  return {
    source,
    code: timeout ? "TIMEOUT" : "ABORTED",
    message: timeout
      ? `${what}: not finished within the target's deadline (${errorMessage(signal.reason)})`
      : `${what}: interrupted`,
  };
}

// A source that throws is a bug, but one target's bug must not kill the batch: record it.
async function runSource<K extends SourceId>(
  ctx: Context,
  id: K,
  input: SourceInput,
): Promise<SourceOutcome<SourceValues[K]>> {
  const started = ctx.clock.now();
  const elapsed = () => Math.round(ctx.clock.now() - started);
  try {
    const registry: SourceRegistry = sources;
    const work = registry[id].gather(ctx, input) as Promise<SourceResult<SourceValues[K]>>;
    // A step that over-runs or ignores the signal cannot hold the target past its deadline.
    const result = await untilAbort(work, input.signal);
    if (result === ABORTED) {
      const errors = [deadlineError(errorSourceOf(id), `${id} source`, input.signal)];
      return { status: "error", value: null, errors, durationMs: elapsed() };
    }
    return { ...result, durationMs: result.status === "skipped" ? 0 : elapsed() };
  } catch (err) {
    return {
      status: "error",
      value: null,
      errors: [toErrorEntry(errorSourceOf(id), err, `${id} source failed`)],
      durationMs: elapsed(),
    };
  }
}

function record<K extends SourceId>(
  evidence: Evidence,
  id: K,
  outcome: SourceOutcome<SourceValues[K]>,
): void {
  (evidence as unknown as Record<SourceId, unknown>)[id] = outcome.value;
  evidence.sources[id] = { status: outcome.status, durationMs: Math.round(outcome.durationMs) };
  evidence.errors.push(...outcome.errors);
}

/**
 * Gather, then judge: DNS first (everything else needs its addresses), then every other
 * source at once, then the pure detectors, then the profile.
 */
export async function scanTarget(
  ctx: Context,
  target: Target,
  signal: AbortSignal = new AbortController().signal,
): Promise<Profile> {
  const started = ctx.clock.now();
  const evidence = emptyEvidence(target, { passive: ctx.options.passive });

  const dns = await runSource(ctx, "dns", { target, dns: null, signal });
  record(evidence, "dns", dns);

  const rest = (Object.keys(sources) as SourceId[]).filter((id) => id !== "dns");
  const input: SourceInput = { target, dns: evidence.dns, signal };
  const outcomes = await Promise.all(rest.map((id) => runSource(ctx, id, input)));
  rest.forEach((id, i) => {
    record(evidence, id, outcomes[i] as SourceOutcome<SourceValues[typeof id]>);
  });
  const answering = await untilAbort(
    gatherAnsweringNetwork(ctx, { ...input, http: evidence.http }),
    signal,
  );
  if (answering === ABORTED) {
    evidence.errors.push(deadlineError("asn", "answering network", signal));
  } else {
    evidence.answering = answering.value;
    evidence.errors.push(...answering.errors);
  }

  evidence.technologies = detectTechnologies(evidence);
  const providers = judge(evidence);
  return buildProfile(evidence, providers, {
    scannedAt: new Date(started).toISOString(),
    durationMs: Math.round(ctx.clock.now() - started),
    generator: ctx.generator,
  });
}
