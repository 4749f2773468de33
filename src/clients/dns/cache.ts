// One answer cache per resolver: positive answers live for their smallest TTL, negative ones
// (NXDOMAIN, NODATA) for the SOA's negative TTL (RFC 2308 §5), both capped. Failures —
// TIMEOUT, SERVFAIL, REFUSED, BAD_RESPONSE — are never cached.
import type { DnsAnswer } from "./types.js";

/** Longest a positive answer is kept, whatever its TTL says (seconds). */
const MAX_TTL = 86400;
/** Longest a negative answer is kept (seconds); also used when no SOA came with it. */
const MAX_NEGATIVE_TTL = 300;
const DEFAULT_NEGATIVE_TTL = 60;

/** Seconds an answer may be reused, 0 for "do not cache". */
export function cacheTtl(answer: DnsAnswer): number {
  if (answer.status === "NOERROR") {
    if (answer.answers.length === 0) return 0;
    return Math.min(MAX_TTL, ...answer.answers.map((r) => r.ttl));
  }
  if (answer.status === "NXDOMAIN" || answer.status === "NODATA") {
    const soa = answer.authority.find((r) => r.type === "SOA");
    if (soa?.type !== "SOA") return DEFAULT_NEGATIVE_TTL;
    return Math.min(MAX_NEGATIVE_TTL, soa.ttl, soa.data.minimum ?? MAX_NEGATIVE_TTL);
  }
  return 0;
}

/** A TTL-honouring, size-capped answer cache keyed by "TYPE name"; time comes from `now`. */
export class DnsCache {
  private readonly entries = new Map<string, { answer: DnsAnswer; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = 10000,
  ) {}

  /** The cached answer, or undefined when absent or expired. */
  get(key: string): DnsAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  /** Stores an answer for as long as `cacheTtl` allows; evicts the oldest entry when full. */
  set(key: string, answer: DnsAnswer): void {
    const ttl = cacheTtl(answer);
    if (ttl <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { answer, expiresAt: this.now() + ttl * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
