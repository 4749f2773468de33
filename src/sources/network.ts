// The network source: for each of the site's addresses, and the first addresses of its
// nameservers and mail exchangers, the network, ASN, AS name and abuse contact.

import { uniqueErrors } from "../profile/errors.js";
import type { ErrorEntry, NetworkEntry } from "../profile/types.js";
import type { Context } from "../scan/context.js";
import { sortAddresses } from "../util/stable-order.js";
import type { NetworkEvidence } from "./evidence.js";
import type { Source, SourceResult } from "./types.js";

/** Most site addresses looked up per target; hosts asked for NS and MX; addresses per host. */
const MAX_SITE = 16;
const MAX_HOSTS = 2;
const MAX_PER_HOST = 1;

/** The first addresses of the first hosts, each with the host it belongs to (one per address). */
async function hostAddresses(
  ctx: Context,
  hosts: string[],
  signal: AbortSignal,
): Promise<{ host: string; ip: string }[]> {
  const out = new Map<string, string>();
  for (const host of hosts.slice(0, MAX_HOSTS)) {
    const answer = await ctx.resolver.query(host, "A", { signal });
    // The lowest address, not the first the resolver's rotation happens to give.
    const addrs = sortAddresses(
      answer.answers.filter((r) => r.type === "A").map((r) => String(r.data)),
    );
    for (const ip of addrs.slice(0, MAX_PER_HOST)) if (!out.has(ip)) out.set(ip, host);
  }
  return [...out].map(([ip, host]) => ({ host, ip }));
}

async function entries(
  ctx: Context,
  ips: string[],
  signal: AbortSignal,
  errors: ErrorEntry[],
  ptr = true,
): Promise<NetworkEntry[]> {
  const found = await Promise.all(ips.map((ip) => ctx.networks.lookup(ip, signal, { ptr })));
  for (const f of found) errors.push(...f.errors);
  return found.map((f) => f.entry);
}

/** Network entries of named hosts' addresses, each labelled with its host. */
async function hostEntries(
  ctx: Context,
  hosts: { host: string; ip: string }[],
  signal: AbortSignal,
  errors: ErrorEntry[],
): Promise<NetworkEntry[]> {
  const found = await entries(
    ctx,
    hosts.map((h) => h.ip),
    signal,
    errors,
    false,
  );
  return found.map((entry, i) => ({ ...entry, host: hosts[i]?.host ?? "" }));
}

/** Networks of the site, its nameservers and its mail exchangers; never throws. */
export const networkSource: Source<NetworkEvidence> = {
  async gather(ctx, input): Promise<SourceResult<NetworkEvidence>> {
    const section = input.dns?.section;
    if (!section) {
      return { status: "skipped", value: null, errors: [] };
    }
    const errors: ErrorEntry[] = [];
    const siteIps = [...new Set([...section.a, ...section.aaaa])].slice(0, MAX_SITE);
    const mxHosts = [...section.mx]
      .sort((a, b) => a.preference - b.preference)
      .map((m) => m.exchange);
    const [nsIps, mxIps] = await Promise.all([
      hostAddresses(ctx, section.ns, input.signal),
      hostAddresses(
        ctx,
        mxHosts.filter((h) => h && h !== "."),
        input.signal,
      ),
    ]);
    const secondary: ErrorEntry[] = [];
    const [site, nameservers, mail] = await Promise.all([
      entries(ctx, siteIps, input.signal, errors),
      // Errors about nameserver/mail networks are secondary: logged, not in the site's profile.
      // Only the owner of those networks matters for attribution: no reverse names for them.
      hostEntries(ctx, nsIps, input.signal, secondary),
      hostEntries(ctx, mxIps, input.signal, secondary),
    ]);
    for (const e of secondary) ctx.log("debug", `network of NS/MX: ${e.code} ${e.message}`);
    const any = site.length + nameservers.length + mail.length > 0;
    return {
      status: any ? "ok" : siteIps.length === 0 ? "empty" : "error",
      value: { site, nameservers, mail },
      errors: uniqueErrors(errors),
    };
  },
};
