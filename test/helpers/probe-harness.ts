import type { DnsAnswer, RecordType, Resolver } from "../../src/dns/types.js";
import { defaultOptions, type ScanOptions } from "../../src/options.js";
import { createHttpClient, type HttpClient } from "../../src/probe/client.js";
import { CLOSED_RDAP_BOOTSTRAP, CLOSED_WHOIS } from "./offline-world.js";
import { testRootCa } from "./test-certs.js";

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

/**
 * Scan options for probe tests: timeouts generous enough for a loaded 2-core CI machine (tests of
 * timeouts set their own short ones), registration servers on closed local
 * ports (nothing can reach IANA from a test), and whatever the case changes.
 */
export function probeOptions(overrides: Partial<ScanOptions> = {}): ScanOptions {
  return defaultOptions({
    timeoutMs: 3000,
    rdapBootstrap: CLOSED_RDAP_BOOTSTRAP,
    whoisServer: CLOSED_WHOIS,
    ...overrides,
  });
}

/** A probe client trusting the test root CA, with a table resolver. */
export function testClient(options: ScanOptions, table: Record<string, string[]> = {}): HttpClient {
  return createHttpClient({ options, resolver: tableResolver(table), ca: [testRootCa()] });
}
