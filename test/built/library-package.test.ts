// The library as another project uses it: `import { scan, scanMany } from "hostscan"` from a
// separate folder, against a local fake world (DNS, RDAP), through the built package.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import { CLOSED_WHOIS, type OfflineRdap, startEmptyBootstrap } from "../helpers/offline-world.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");

const CONSUMER = `
import { scan, scanMany } from "hostscan";
const options = JSON.parse(process.argv[2]);
const one = await scan("https://www.example.com/page", options);
const controller = new AbortController();
const targets = Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? "not a target!" : "example.com"));
const order = [];
for await (const p of scanMany(targets, { ...options, signal: controller.signal, concurrency: 16 })) {
  order.push(p.errors.some((e) => e.code === "INVALID_TARGET") ? "invalid" : p.host);
}
process.stdout.write(JSON.stringify({ one, order }));
`;

let dns: FakeDns;
let rdap: OfflineRdap;
let project: string;

beforeAll(async () => {
  dns = await startFakeDns({
    records: {
      "www.example.com": { A: ["192.0.2.10"] },
      "example.com": { A: ["192.0.2.10"], NS: ["ns1.example.net"] },
      "10.2.0.192.origin.asn.cymru.com": {
        TXT: [["64500 | 192.0.2.0/24 | ZZ | arin | 2010-01-01"]],
      },
      "AS64500.asn.cymru.com": { TXT: [["64500 | ZZ | arin | 2010-01-01 | EXAMPLE-NET, ZZ"]] },
    },
  });
  rdap = await startEmptyBootstrap();
  project = mkdtempSync(join(tmpdir(), "hostscan-consumer-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(ROOT, join(project, "node_modules", "hostscan"), "dir");
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(join(project, "consumer.mjs"), CONSUMER);
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close()]);
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the library from another project", () => {
  it("scans one target and a list in input order, without listener warnings", async () => {
    const [host, port] = dns.server.split(":");
    const options = {
      resolvers: [{ host, port: Number(port) }],
      rdapBootstrap: rdap.url,
      whoisServer: CLOSED_WHOIS,
      passive: true,
      timeoutMs: 2000,
    };
    const r = await run(process.execPath, ["consumer.mjs", JSON.stringify(options)], {
      cwd: project,
    });
    const { one, order } = JSON.parse(r.stdout);
    expect(one).toMatchObject({ schema: "hostscan/profile@1", host: "www.example.com" });
    expect(one.dns.a).toEqual(["192.0.2.10"]);
    expect(one.network[0]).toMatchObject({ ip: "192.0.2.10", asn: 64500 });
    expect(order).toEqual(
      Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? "invalid" : "example.com")),
    );
    expect(r.stderr).not.toContain("MaxListenersExceededWarning");
    expect(r.stderr).toBe("");
  });
});
