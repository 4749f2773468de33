import { setMaxListeners } from "node:events";
import { linkedSignal } from "../clients/net/linked-signal.js";
import { failedProfile } from "../profile/build.js";
import { ErrorGroups, toErrorEntry } from "../profile/errors.js";
import { hasNoDns, isUnregistered } from "../profile/outcome.js";
import type { Profile } from "../profile/types.js";
import type { Context } from "./context.js";
import { scanTarget } from "./scan-target.js";
import { parseTarget } from "./targets/normalize.js";
import type { Target } from "./targets/types.js";

/**
 * Scans one input line (or an already parsed target): an invalid target still yields a profile,
 * with an INVALID_TARGET error.
 */
export async function scanInput(
  ctx: Context,
  input: string | Target,
  signal: AbortSignal,
): Promise<Profile> {
  const line = typeof input === "string" ? input : input.input;
  const parsed =
    typeof input === "string" ? parseTarget(input) : { ok: true as const, target: input };
  if (!parsed.ok) {
    const now = ctx.clock.now();
    return failedProfile(
      line,
      { code: "INVALID_TARGET", message: `${parsed.invalid.reason}: ${quoteBounded(line)}` },
      { scannedAt: new Date(now).toISOString(), durationMs: 0, generator: ctx.generator },
    );
  }
  // One overall deadline per target, so one bad target cannot stall its batch window.
  const ms = ctx.options.targetDeadlineMs ?? targetDeadlineMs(ctx.options.timeoutMs);
  const deadline = linkedSignal(signal, ms);
  // Every lookup of the target listens on this signal: dozens at once is by design, not a leak.
  setMaxListeners(0, deadline.signal);
  try {
    return await scanTarget(ctx, parsed.target, deadline.signal);
  } catch (err) {
    // A bug in one target's scan (a detector, a formatter of evidence) must not end the batch.
    const now = ctx.clock.now();
    const entry = toErrorEntry("input", err, "scan failed");
    return failedProfile(
      line,
      { code: "INTERNAL", message: entry.message },
      { scannedAt: new Date(now).toISOString(), durationMs: 0, generator: ctx.generator },
    );
  } finally {
    deadline.dispose();
  }
}

// An invalid line is quoted in its error, but a 5 MB junk line must not become a 5 MB message.
function quoteBounded(line: string): string {
  return line.length > 200
    ? `${JSON.stringify(line.slice(0, 200))}… (${line.length} chars)`
    : JSON.stringify(line);
}

/** The most one target may take: enough for DNS, RDAP referrals and a redirect chain. */
export function targetDeadlineMs(timeoutMs: number): number {
  return Math.max(30_000, timeoutMs * 8);
}

/**
 * True when a target could not be scanned at all (exit status 1): invalid input, a domain
 * nobody registered, or every source failed — no data from any source and a real failure.
 */
export function wasUnscannable(p: Profile): boolean {
  if (p.errors.some((e) => e.source === "input")) return true;
  if (isUnregistered(p)) return true;
  const anyData =
    !hasNoDns(p) || p.registration !== null || p.network.length > 0 || p.http !== null;
  return !anyData && p.errors.some((e) => !ErrorGroups.doesNotExist.has(e.code));
}
