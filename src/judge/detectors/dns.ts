// Who runs the authoritative nameservers: NS names against the catalogue, else the owner of the
// nameservers' network. Cloudflare DNS here says nothing about Cloudflare's proxy (see cdn.ts).

import { providerByName } from "../../catalogue/index.js";
import type { Provider } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import {
  addHit,
  type Candidate,
  describeAddress,
  matching,
  strongest,
  toProvider,
} from "./attribution.js";
import { commonOwner, ownNetwork } from "./ownership.js";
import { ownerProvider } from "./report-to.js";

/** The DNS host of the domain, or null without NS evidence. */
export function detectDns(e: Evidence): Provider | null {
  const { ns, where, claimed, context = [] } = nameservers(e);
  const found = new Map<string, Candidate>();
  // Which nameservers each entry matched, so the rest are named as data, not found in text.
  const matched = new Map<string, string[]>();
  for (const name of ns) {
    const match = providerByName("ns", name);
    if (!match?.entry.kinds.includes("dns")) continue;
    const evidence = `${where} ${name}${matching(name, match.pattern)}`;
    addHit(found, match.entry, { channel: "dns", evidence });
    matched.set(match.entry.id, [...(matched.get(match.entry.id) ?? []), name]);
  }
  const best = strongest(found.values());
  if (best) {
    // Every nameserver in the provider's zone is decisive; a split delegation is one signal.
    // A zone that contradicts its own delegation is one signal at most.
    const all = best.hits.length === ns.length && claimed.length === 0 && context.length === 0;
    if (all && best.hits[0]) best.hits[0].decisive = true;
    // Nameserver networks were looked up for the zone's own NS names: only when they agree.
    const nets = claimed.length === 0 ? (e.network?.nameservers ?? []) : [];
    best.networks.push(...nets.filter((n) => ownNetwork(n, best.entry)));
    const own = matched.get(best.entry.id) ?? [];
    const others = ns.filter((n) => !own.includes(n));
    const extra = [
      ...(others.length > 0 ? [`also ${where} ${others.join(", ")}`] : []),
      ...claimedEvidence(claimed),
      ...context,
    ];
    return toProvider(best, extra.length > 0 ? { evidence: extra } : {});
  }
  if (claimed.length > 0) return null;
  const nets = e.network?.nameservers ?? [];
  const owned = commonOwner(nets);
  if (!owned) return null;
  const evidence = owned.networks.map((n) => `nameserver ${describeAddress(n, "address")}`);
  return ownerProvider(owned.owner, owned.networks, evidence, "medium");
}

/** Most nameservers judged per set (real delegations list two to a dozen). */
const MAX_NS = 20;

/**
 * The nameservers to judge: the zone's own NS records, unless the registry delegates the
 * registrable domain elsewhere. The delegation is where resolvers are sent; NS records inside
 * the zone are whatever its operator wrote (Cloudflare's names do not make Cloudflare serve it).
 */
function nameservers(e: Evidence): {
  ns: string[];
  where: string;
  claimed: string[];
  /** Evidence that keeps the result from being decisive (a sub-zone's own delegation). */
  context?: string[];
} {
  const norm = (n: string) => n.toLowerCase().replace(/\.$/, "");
  // Distinct names, capped: a registry answer can list thousands.
  const distinct = (names: string[]) => [...new Set(names.map(norm))].slice(0, MAX_NS);
  const child = distinct(e.dns?.section.ns ?? []);
  const delegated = distinct(e.registration?.registration.nameservers ?? []);
  if (delegated.length === 0) return { ns: child, where: "NS", claimed: [] };
  if (child.length === 0) return { ns: delegated, where: "registry NS", claimed: [] };
  // A sub-zone has nameservers of its own, delegated by the parent zone's operator (who may be
  // the one being investigated): at most one signal, with the registry's delegation beside it.
  const zone = e.dns?.zone ? norm(e.dns.zone) : null;
  if (zone && zone !== e.target.domain) {
    const parent = `the registry delegates ${e.target.domain} to ${delegated.join(", ")}`;
    return { ns: child, where: "NS", claimed: [], context: [parent] };
  }
  const inDelegation = new Set(delegated);
  const inChild = new Set(child);
  const claimed = child.filter((n) => !inDelegation.has(n));
  const missing = delegated.filter((n) => !inChild.has(n));
  if (claimed.length === 0 && missing.length === 0) return { ns: child, where: "NS", claimed: [] };
  return { ns: delegated, where: "registry NS", claimed };
}

function claimedEvidence(claimed: string[]): string[] {
  return claimed.length > 0
    ? [
        `the zone's own NS records also name ${claimed.join(", ")}, which the registry does not delegate to`,
      ]
    : [];
}
