// Who receives the domain's mail: MX hosts against the catalogue (SPF includes support it),
// else the owner of the MX hosts' network. A null MX (RFC 7505) means no mail at all.

import { providerByName } from "../../catalogue/index.js";
import type { Provider } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import {
  addHit,
  type Candidate,
  describeAddress,
  type Hit,
  matching,
  strongest,
  toProvider,
} from "./attribution.js";
import { commonOwner, ownNetwork } from "./ownership.js";
import { ownerProvider } from "./report-to.js";

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
  const top = mx[0]?.preference;
  if (top === undefined) return null;
  // Mail goes to the most preferred exchangers; a backup at Google does not make Google the
  // provider of a domain whose mail lands on its own server first (RFC 5321 §5.1).
  const preferred = mx.filter((r) => r.preference === top);
  const found = new Map<string, Candidate>();
  for (const r of preferred) {
    const match = providerByName("mx", r.exchange);
    if (!match?.entry.kinds.includes("email")) continue;
    addHit(found, match.entry, { channel: "dns", evidence: mxLine(r, match.pattern) });
  }
  const includes = spfIncludes(e.dns?.section.txt ?? []);
  const best = strongest(found.values());
  // Every preferred exchanger at one provider is decisive; a split is one signal.
  const allPreferred =
    !!best && preferred.every((r) => providerByName("mx", r.exchange)?.entry.id === best.entry.id);
  const others: string[] = [];
  const backups: Hit[] = [];
  if (best) {
    for (const r of mx) {
      const match = providerByName("mx", r.exchange);
      if (match?.entry.id !== best.entry.id) others.push(`also MX ${r.preference} ${r.exchange}`);
      else if (!preferred.includes(r)) {
        backups.push({ channel: "dns", evidence: mxLine(r, match.pattern) });
      }
    }
  }
  const senders: string[] = [];
  const support: Hit[] = [];
  for (const inc of includes) {
    const match = providerByName("spf", inc);
    if (!match) continue;
    if (best && match.entry.id === best.entry.id) {
      // The same zone's operator wrote it, and it is about outgoing mail: support, not proof.
      support.push({ channel: "spf", evidence: `SPF include:${inc}`, weak: true });
    } else {
      senders.push(`SPF also authorises ${match.entry.name} (include:${inc})`);
    }
  }
  if (best) {
    const [first, ...rest] = best.hits;
    const winner: Candidate = {
      entry: best.entry,
      hits: [
        ...(first ? [allPreferred ? { ...first, decisive: true } : first] : []),
        ...rest,
        ...backups,
        ...support,
      ],
      networks: [
        ...best.networks,
        ...(e.network?.mail ?? []).filter((n) => ownNetwork(n, best.entry)),
      ],
    };
    return toProvider(winner, { evidence: [...others, ...senders] });
  }
  // No catalogued exchanger among the preferred: who runs their network (looked up per host).
  const names = new Set(preferred.map((r) => normal(r.exchange)));
  const mailNets = e.network?.mail ?? [];
  const nets = mailNets.some((n) => n.host)
    ? mailNets.filter((n) => n.host && names.has(normal(n.host)))
    : mailNets;
  const owned = commonOwner(nets);
  if (!owned) return null;
  const evidence = [
    `MX ${preferred.map((r) => r.exchange).join(", ")}`,
    ...owned.networks.map((n) => `MX host ${describeAddress(n, "address")}`),
    ...mx.filter((r) => !preferred.includes(r)).map((r) => `also MX ${r.preference} ${r.exchange}`),
    ...senders,
  ];
  return ownerProvider(owned.owner, owned.networks, evidence, "medium");
}

function mxLine(r: { preference: number; exchange: string }, pattern: string): string {
  return `MX ${r.preference} ${r.exchange}${matching(r.exchange, pattern)}`;
}

function normal(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}
