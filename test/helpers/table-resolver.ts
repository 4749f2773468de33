import type { DnsAnswer, RecordType, Resolver } from "../../src/clients/dns/types.js";

/** A Resolver answering A/AAAA from a table (name → addresses); other names get NXDOMAIN. */
export function tableResolver(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async query(name: string, type: RecordType): Promise<DnsAnswer> {
      asked.push(`${type} ${name}`);
      const addrs = table[name];
      const base = { name, type, authority: [], server: "fake", message: null, durationMs: 0 };
      if (!addrs) return { ...base, status: "NXDOMAIN", answers: [] };
      const want = type === "A" ? (a: string) => !a.includes(":") : (a: string) => a.includes(":");
      const answers = addrs
        .filter(want)
        .map((data) => ({ name, ttl: 60, type: type as "A" | "AAAA", data }));
      return { ...base, status: answers.length ? "NOERROR" : "NODATA", answers };
    },
    async close() {},
  };
}
