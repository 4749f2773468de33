import { createHttpClient, type HttpClient } from "../../src/clients/probe/probe-client.js";
import { defaultOptions, type ScanOptions } from "../../src/scan/options.js";
import { CLOSED_RDAP_BOOTSTRAP, CLOSED_WHOIS } from "./offline-world.js";
import { tableResolver } from "./table-resolver.js";
import { testRootCa } from "./test-certs.js";

export { tableResolver };

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
