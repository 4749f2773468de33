import { followCnameChain } from "../clients/dns/cname-chain.js";
import { specialAddressRange } from "../clients/net/private-address.js";
import { toErrorEntry } from "../profile/errors.js";
import type { ErrorEntry } from "../profile/types.js";
import type { Context } from "../scan/context.js";
import type { Target } from "../scan/targets/types.js";
import { sameAddress } from "../util/same-address.js";
import type { AnsweringEvidence, DnsEvidence, HttpEvidence } from "./evidence.js";
import type { SourceResult } from "./outcome.js";

/** What the answering-network source is given: it runs after the HTTP probe. */
export interface AnsweringInput {
  target: Target;
  dns: DnsEvidence | null;
  http: HttpEvidence | null;
  signal: AbortSignal;
}

const skipped = (): SourceResult<AnsweringEvidence> => ({
  status: "skipped",
  value: null,
  errors: [],
});

/**
 * After a redirect within the site (example.com → www.example.com) the final page may come from
 * an address that is not among the host's own: its network, and the CNAME chain of the final
 * host, are what served the page, so they are looked up too (never for private or special-use
 * addresses). When the network cannot be found, the host's own addresses stand, and the lookup
 * errors are listed.
 */
export const answeringNetworkSource = {
  async gather(ctx: Context, input: AnsweringInput): Promise<SourceResult<AnsweringEvidence>> {
    const section = input.http?.section;
    const remote = section?.remoteAddress;
    if (!section || !remote || specialAddressRange(remote) !== null) return skipped();
    const own = [...(input.dns?.section.a ?? []), ...(input.dns?.section.aaaa ?? [])];
    if (own.some((ip) => sameAddress(ip, remote))) return skipped();
    const done = (value: AnsweringEvidence | null, errors: ErrorEntry[]) => ({
      status: value ? ("ok" as const) : ("error" as const),
      value,
      errors,
    });
    let finalHost: string | null = null;
    try {
      finalHost = new URL(section.finalUrl).hostname.toLowerCase();
    } catch {}
    const family = remote.includes(":") ? "AAAA" : "A";
    const [found, chain] = await Promise.all([
      ctx.networks.lookup(remote, input.signal, { ptr: false }),
      finalHost && finalHost !== input.target.host
        ? followCnameChain(ctx.resolver, finalHost, family, input.signal)
        : null,
    ]);
    const errors = [...found.errors];
    if (found.entry.asn == null && !found.entry.org) return done(null, errors);
    // A second answer may differ from the one the probe used (TTL 0): the chain counts only if
    // it leads to the address that answered.
    const leads = chain?.records.some((ip) => sameAddress(ip, remote)) ?? false;
    if (chain && finalHost && !leads) {
      errors.push({
        source: "dns",
        code: "INCONSISTENT_ANSWER",
        message: `${finalHost}: asked again, its addresses do not include ${remote}, which served the page; its CNAME chain is not used`,
      });
    }
    return done(
      { network: found.entry, ...(chain && leads ? { chain: chain.chain } : {}) },
      errors,
    );
  },
};

/** A lookup that throws is a bug: kept visible as an error entry, the profile goes on. */
export async function gatherAnsweringNetwork(
  ctx: Context,
  input: AnsweringInput,
): Promise<SourceResult<AnsweringEvidence>> {
  try {
    return await answeringNetworkSource.gather(ctx, input);
  } catch (err) {
    const remote = input.http?.section.remoteAddress ?? "";
    return {
      ...skipped(),
      status: "error",
      errors: [toErrorEntry("asn", err, `network of ${remote}`)],
    };
  }
}
