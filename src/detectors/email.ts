// Who receives the domain's mail: MX hosts against the catalogue (SPF includes support it),
// else the owner of the MX hosts' network. A null MX (RFC 7505) means no mail at all.

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

/** Domains named by `include:` and `redirect=` in the domain's SPF record (RFC 7208 §5.2, §6.1). */
export function spfIncludes(txt: string[]): string[] {
  const spf = txt.find((t) => /^v=spf1(\s|$)/i.test(t.trim()));
  if (!spf) return [];
  const out: string[] = [];
  for (const term of spf.trim().split(/\s+/)) {
    const m = /^(?:[+~?-]?include:|redirect=)(.+)$/i.exec(term);
    if (m?.[1]) out.push(m[1].toLowerCase());
  }
  return out;
}

/** The mail provider of the domain, or null when it has no MX. */
export function detectEmail(e: Evidence): Provider | null {
  const mx = [...(e.dns?.section.mx ?? [])]
    .filter((r) => r.exchange !== "" && r.exchange !== ".")
    .sort((a, b) => a.preference - b.preference);
  if (mx.length === 0) return null;
  const found = new Map<string, Candidate>();
  for (const r of mx) {
    const match = providerByName("mx", r.exchange);
    if (!match?.entry.kinds.includes("email")) continue;
    addHit(found, match.entry, {
      channel: "dns",
      evidence: `MX ${r.preference} ${r.exchange} (${match.pattern})`,
    });
  }
  const includes = spfIncludes(e.dns?.section.txt ?? []);
  const best = strongest(found.values());
  const senders: string[] = [];
  for (const inc of includes) {
    const match = providerByName("spf", inc);
    if (!match) continue;
    if (best && match.entry.id === best.entry.id) {
      best.hits.push({ channel: "spf", evidence: `SPF include:${inc}` });
    } else {
      senders.push(`SPF also authorises ${match.entry.name} (include:${inc})`);
    }
  }
  if (best) {
    if (best.hits.filter((h) => h.channel === "dns").length === mx.length && best.hits[0]) {
      best.hits[0].decisive = true;
    }
    best.networks.push(...(e.network?.mail ?? []).filter((n) => ownNetwork(n, best.entry)));
    return toProvider(best, { evidence: senders });
  }
  const owned = commonOwner(e.network?.mail ?? []);
  if (!owned) return null;
  const provider: Provider = {
    name: owned.owner.name,
    asn: owned.networks.find((n) => n.asn != null)?.asn ?? null,
    confidence: "medium",
    evidence: [
      `MX ${mx.map((r) => r.exchange).join(", ")}`,
      ...owned.networks.map((n) => `MX host ${describeAddress(n, "address")}`),
      ...senders,
    ],
    ...reportTo(owned.owner.entry, owned.networks),
  };
  if (owned.owner.entry) provider.id = owned.owner.entry.id;
  return provider;
}
