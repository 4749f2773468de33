import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Profile } from "../../src/profile/types.js";
import { type FakeDns, startFakeDns } from "../helpers/fake-dns-server.js";
import { CLOSED_WHOIS, type OfflineRdap, startEmptyBootstrap } from "../helpers/offline-world.js";
import { BIN, runMain } from "../helpers/run-cli.js";

let dns: FakeDns;
let slowDns: FakeDns;
let rdap: OfflineRdap;

// 200 domains with an address each; the slow server answers every query after 40 ms so a
// batch is still running when the test interrupts it.
const HOSTS = Array.from({ length: 200 }, (_, i) => `site-${i}.example.org`);
const records = Object.fromEntries(HOSTS.map((h, i) => [h, { A: [`192.0.2.${i % 250}`] }]));

beforeAll(async () => {
  [dns, slowDns, rdap] = await Promise.all([
    startFakeDns({ records }),
    startFakeDns({ records, latencyMs: 40 }),
    startEmptyBootstrap(),
  ]);
});

afterAll(async () => {
  await Promise.all([dns?.close(), slowDns?.close(), rdap?.close()]);
});

const flags = (server: FakeDns) => [
  "--passive",
  "--no-cache",
  "--ndjson",
  "--resolver",
  server.server,
  "--rdap-bootstrap",
  rdap.url,
  "--whois-server",
  CLOSED_WHOIS,
  "-t",
  "2000",
];

const parse = (stdout: string): Profile[] =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Profile);

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

// Runs the built binary, sends SIGINT as soon as the first result line is on stdout.
function interruptAfterFirstResult(args: string[], stdinLines?: string[]): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: "/nonexistent" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let sent = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      if (!sent && stdout.includes("\n")) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout }));
    if (stdinLines)
      child.stdin.write(`${stdinLines.join("\n")}\n`); // left open, like a terminal
    else child.stdin.end();
  });
}

describe("SIGINT (subprocess)", () => {
  it("writes every finished result as complete NDJSON lines and exits 130", async () => {
    const r = await interruptAfterFirstResult([...flags(slowDns), "-c", "4", ...HOSTS]);
    expect(r.code).toBe(130);
    expect(r.stdout.endsWith("\n")).toBe(true);
    const profiles = parse(r.stdout);
    expect(profiles.length).toBeGreaterThanOrEqual(1);
    expect(profiles.length).toBeLessThan(HOSTS.length);
    // Whatever was written is in input order (a gap only where a scan was still running).
    const positions = profiles.map((p) => HOSTS.indexOf(p.target));
    expect(
      positions.every((pos, i) => pos >= 0 && (i === 0 || pos > (positions[i - 1] ?? -1))),
    ).toBe(true);
  });

  it("stops while stdin is held open with no more lines (exit 130)", async () => {
    const r = await interruptAfterFirstResult([...flags(dns), "-i", "-"], HOSTS.slice(0, 3));
    expect(r.code).toBe(130);
    expect(parse(r.stdout).map((p) => p.target)).toEqual(HOSTS.slice(0, 3));
  });
});

describe("one record per input line (CLI)", () => {
  it("reports invalid and duplicate lines in input order and scans duplicates once", async () => {
    const lines = [
      "site-1.example.org",
      "not a host!",
      "SITE-1.example.org.",
      "site-2.example.org",
      "site-1.example.org",
      "",
      "# a comment",
      "not a host!",
    ];
    const before = dns.queries.length;
    const r = await runMain([...flags(dns), "-i", "-"], { stdin: `${lines.join("\n")}\n` });
    const targets = parse(r.stdout).map((p) => p.target);
    expect(targets).toEqual([
      "site-1.example.org",
      "not a host!",
      "SITE-1.example.org.",
      "site-2.example.org",
      "site-1.example.org",
      "not a host!",
    ]);
    expect(r.code).toBe(1); // the invalid lines could not be scanned
    const aQueries = dns.queries
      .slice(before)
      .filter((q) => q.type === "A" && q.name === "site-1.example.org");
    expect(aQueries).toHaveLength(1);
  });
});

describe("--shard (CLI)", () => {
  it("splits a list so every line lands in exactly one shard, spellings of a host together", async () => {
    const lines = [
      ...HOSTS.slice(0, 40),
      "HTTPS://SITE-3.example.org/path",
      "abuse@site-5.example.org",
      "not a host!",
    ];
    const outputs: string[][] = [];
    for (let i = 1; i <= 3; i++) {
      const r = await runMain([...flags(dns), "--shard", `${i}/3`, "-i", "-"], {
        stdin: lines.join("\n"),
      });
      outputs.push(parse(r.stdout).map((p) => p.target));
    }
    expect(outputs.flat().sort()).toEqual([...lines].sort());
    const shardOf = (t: string) => outputs.findIndex((o) => o.includes(t));
    expect(shardOf("HTTPS://SITE-3.example.org/path")).toBe(shardOf("site-3.example.org"));
    expect(shardOf("abuse@site-5.example.org")).toBe(shardOf("site-5.example.org"));
    expect(outputs.every((o) => o.length > 0)).toBe(true);
  });
});

describe("progress line", () => {
  const bad = ["bad host 1", "bad host 2", "bad host 3"];

  it("is drawn on stderr when stderr is a TTY, never on stdout", async () => {
    const r = await runMain([...flags(dns), ...bad], { stderrIsTTY: true });
    expect(r.stderr).toMatch(/\r\x1b\[K1\/3 {2}[\d.]+\/s/);
    expect(r.stderr).toContain("with errors");
    expect(r.stdout).not.toContain("\r");
    expect(parse(r.stdout)).toHaveLength(3);
  });

  it("is not drawn when stderr is not a TTY", async () => {
    const r = await runMain([...flags(dns), ...bad], { stderrIsTTY: false });
    expect(r.stderr).not.toContain("\r");
    expect(r.stderr).not.toContain("with errors");
  });

  it("is not drawn with --quiet even on a TTY", async () => {
    const r = await runMain([...flags(dns), "--quiet", ...bad], { stderrIsTTY: true });
    expect(r.stderr).not.toContain("\r");
    expect(r.stderr).not.toContain("with errors");
  });
});
