// Who runs the authoritative nameservers: NS names against the catalogue, else the owner of the
// nameservers' network. Cloudflare DNS here says nothing about Cloudflare's proxy (see cdn.ts).

import type { Evidence } from "../evidence.js";
import type { Provider } from "../profile/types.js";
import { providerByName } from "../providers/index.js";
import {
  addHit,
  type Candidate,
  commonOwner,
  describeAddress,
  ownNetwork,
  reportTo,
  strongest,
  toProvider,
} from "./attribution.js";

/** The DNS host of the domain, or null without NS evidence. */
export function detectDns(e: Evidence): Provider | null {
  const fromDns = e.dns?.section.ns ?? [];
  const ns = fromDns.length > 0 ? fromDns : (e.registration?.registration.nameservers ?? []);
  const where = fromDns.length > 0 ? "NS" : "registry NS";
  const found = new Map<string, Candidate>();
  for (const name of ns) {
    const match = providerByName("ns", name);
    if (!match?.entry.kinds.includes("dns")) continue;
    addHit(found, match.entry, { channel: "dns", evidence: `${where} ${name} (${match.pattern})` });
  }
  const best = strongest(found.values());
  if (best) {
    // Every nameserver in the provider's zone is decisive; a split delegation is one signal.
    const all = best.hits.length === ns.length;
    if (all && best.hits[0]) best.hits[0].decisive = true;
    const nsNets = (e.network?.nameservers ?? []).filter((n) => ownNetwork(n, best.entry));
    best.networks.push(...nsNets);
    const others = ns.filter((n) => !best.hits.some((h) => h.evidence.includes(` ${n} `)));
    return toProvider(
      best,
      others.length > 0 ? { evidence: [`also NS ${others.join(", ")}`] } : {},
    );
  }
  const nets = e.network?.nameservers ?? [];
  const owned = commonOwner(nets);
  if (!owned) return null;
  const provider: Provider = {
    name: owned.owner.name,
    asn: owned.networks.find((n) => n.asn != null)?.asn ?? null,
    confidence: "medium",
    evidence: owned.networks.map((n) => `nameserver ${describeAddress(n, "address")}`),
    ...reportTo(owned.owner.entry, owned.networks),
  };
  if (owned.owner.entry) provider.id = owned.owner.entry.id;
  return provider;
}
