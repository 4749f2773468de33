// The zone that holds a host: the nearest name at or above it, down to the registrable domain,
// that owns NS records (RFC 1034 §4.2, the zone cut). All candidates are asked at once.
import type { DnsAnswer, Resolver } from "./types.js";

/** Most names asked when walking up (the ones nearest the registrable domain win the cap). */
export const MAX_ZONE_WALK = 10;

/** What walking up found. */
export interface ZoneCut {
  /** The zone's name, or null when no candidate owns NS records. */
  zone: string | null;
  /** Its NS host names, sorted. */
  ns: string[];
  /** The NS answers for every name asked, host first. */
  answers: DnsAnswer[];
}

/** Names from `host` up to `domain` inclusive, nearest the domain kept when over the cap. */
export function zoneCandidates(host: string, domain: string): string[] {
  if (host !== domain && !host.endsWith(`.${domain}`)) return [host];
  const hostLabels = host.split(".");
  const depth = hostLabels.length - domain.split(".").length;
  const names: string[] = [];
  for (let i = 0; i <= depth; i++) names.push(hostLabels.slice(i).join("."));
  return names.slice(-MAX_ZONE_WALK);
}

/** Asks NS for every candidate name and returns the deepest one that owns NS records. */
export async function findZoneCut(
  resolver: Resolver,
  host: string,
  domain: string,
  signal?: AbortSignal,
): Promise<ZoneCut> {
  const names = zoneCandidates(host, domain);
  const answers = await Promise.all(
    names.map((n) => resolver.query(n, "NS", signal ? { signal } : {})),
  );
  for (const [i, answer] of answers.entries()) {
    // Only NS records owned by the name itself mark a cut (not those at the end of a CNAME).
    const ns = answer.answers
      .filter((r) => r.type === "NS" && r.name === names[i])
      .map((r) => r.data as string);
    if (ns.length > 0) return { zone: names[i]!, ns: [...new Set(ns)].sort(), answers };
  }
  return { zone: null, ns: [], answers };
}
