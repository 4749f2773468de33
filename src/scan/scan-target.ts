import { judge } from "../judge/detectors/index.js";
import { detectTechnologies } from "../judge/fingerprints/detect.js";
import { buildProfile } from "../profile/build.js";
import { toErrorEntry } from "../profile/errors.js";
import type { ErrorSource, Profile } from "../profile/types.js";
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
    const result = (await registry[id].gather(ctx, input)) as SourceResult<SourceValues[K]>;
    return { ...result, durationMs: result.status === "skipped" ? 0 : elapsed() };
  } catch (err) {
    const source: ErrorSource = id === "registration" ? "rdap" : id === "network" ? "asn" : id;
    return {
      status: "error",
      value: null,
      errors: [toErrorEntry(source, err, `${id} source failed`)],
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
  const answering = await gatherAnsweringNetwork(ctx, { ...input, http: evidence.http });
  evidence.answering = answering.value;
  evidence.errors.push(...answering.errors);

  evidence.technologies = detectTechnologies(evidence);
  const providers = judge(evidence);
  return buildProfile(evidence, providers, {
    scannedAt: new Date(started).toISOString(),
    durationMs: Math.round(ctx.clock.now() - started),
    generator: ctx.generator,
  });
}
