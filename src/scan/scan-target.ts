import { followCnameChain } from "../clients/dns/cname-chain.js";
import { specialAddressRange } from "../clients/net/private-address.js";
import { judge } from "../judge/detectors/index.js";
import { detectTechnologies } from "../judge/fingerprints/detect.js";
import { buildProfile } from "../profile/build.js";
import { toErrorEntry } from "../profile/errors.js";
import type { ErrorSource, Profile } from "../profile/types.js";
import { type Evidence, emptyEvidence } from "../sources/evidence.js";
import { sources } from "../sources/index.js";
import type {
  SourceId,
  SourceInput,
  SourceOutcome,
  SourceRegistry,
  SourceValues,
} from "../sources/types.js";
import { sameAddress } from "../util/same-address.js";
import type { Context } from "./context.js";
import type { Target } from "./targets/types.js";

// A source that throws is a bug, but one target's bug must not kill the batch: record it.
async function runSource<K extends SourceId>(
  ctx: Context,
  id: K,
  input: SourceInput,
): Promise<SourceOutcome<SourceValues[K]>> {
  const started = ctx.clock.now();
  try {
    const registry: SourceRegistry = sources;
    return (await registry[id].gather(ctx, input)) as SourceOutcome<SourceValues[K]>;
  } catch (err) {
    const source: ErrorSource = id === "registration" ? "rdap" : id === "network" ? "asn" : id;
    return {
      status: "error",
      value: null,
      errors: [toErrorEntry(source, err, `${id} source failed`)],
      durationMs: ctx.clock.now() - started,
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
 * After a redirect within the site (example.com → www.example.com) the final page may come from
 * an address that is not among the host's own: its network, and the CNAME chain of the final
 * host, are what served the page, so they are looked up too (never for private or special-use
 * addresses). When the network cannot be found, the host's own addresses stand, and the lookup
 * errors are listed.
 */
export async function lookUpAnsweringNetwork(
  ctx: Context,
  evidence: Evidence,
  signal: AbortSignal,
): Promise<void> {
  const http = evidence.http;
  const section = http?.section;
  const remote = section?.remoteAddress;
  if (!http || !section || !remote || specialAddressRange(remote) !== null) return;
  const own = [...(evidence.dns?.section.a ?? []), ...(evidence.dns?.section.aaaa ?? [])];
  if (own.some((ip) => sameAddress(ip, remote))) return;
  let finalHost: string | null = null;
  try {
    finalHost = new URL(section.finalUrl).hostname.toLowerCase();
  } catch {}
  try {
    const [found, chain] = await Promise.all([
      ctx.networks.lookup(remote, signal, { ptr: false }),
      finalHost && finalHost !== evidence.target.host
        ? followCnameChain(ctx.resolver, finalHost, remote.includes(":") ? "AAAA" : "A", signal)
        : null,
    ]);
    evidence.errors.push(...found.errors);
    if (found.entry.asn == null && !found.entry.org) return;
    section.remoteNetwork = found.entry;
    // A second answer may differ from the one the probe used (TTL 0): the chain counts only if
    // it leads to the address that answered.
    if (chain?.records.some((ip) => sameAddress(ip, remote))) http.answeredChain = chain.chain;
    else if (chain && finalHost) {
      evidence.errors.push({
        source: "dns",
        code: "INCONSISTENT_ANSWER",
        message: `${finalHost}: asked again, its addresses do not include ${remote}, which served the page; its CNAME chain is not used`,
      });
    }
  } catch (err) {
    // The lookups do not throw for network trouble: this is a bug, kept visible as an error.
    evidence.errors.push(toErrorEntry("asn", err, `network of ${remote}`));
  }
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
  await lookUpAnsweringNetwork(ctx, evidence, signal);

  evidence.technologies = detectTechnologies(evidence);
  const providers = judge(evidence);
  return buildProfile(evidence, providers, {
    scannedAt: new Date(started).toISOString(),
    durationMs: Math.round(ctx.clock.now() - started),
  });
}
