// Messages and statuses a person can act on, each from the built binary: usage errors, --help,
// input files, sizes, an unregistered domain, a silent resolver, an unwritable cache, -v, and
// the progress line and tally on a terminal.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "./helpers/fake-dns-server.js";
import { type FakeRdapServer, startFakeRdapServer } from "./helpers/fake-rdap-server.js";
import { type FakeWebServer, startWebServer } from "./helpers/fake-web-server.js";
import { localFlags } from "./helpers/offline-world.js";
import { runBin } from "./helpers/run-cli.js";
import { runPty } from "./helpers/run-pty.js";

let dns: FakeDns;
let rdap: FakeRdapServer;
let web: FakeWebServer;
const dir = mkdtempSync(join(tmpdir(), "hostscan-messages-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  web = await startWebServer({ routes: { "/": { body: "<html>hello</html>" } } });
  dns = await startFakeDns({
    records: {
      "example.com": { A: ["104.16.1.1"], NS: ["kyle.ns.cloudflare.com"] },
      "site.example.com": { A: ["127.0.0.1"] },
      "1.1.16.104.origin.asn.cymru.com": {
        TXT: [["13335 | 104.16.0.0/12 | US | arin | 2014-03-28"]],
      },
    },
  });
  rdap = await startFakeRdapServer();
});

afterAll(async () => {
  await Promise.all([dns?.close(), rdap?.close(), web?.close()]);
});

const local = () => localFlags({ dns: dns.server, rdapBootstrap: rdap.bootstrapUrl });

describe("usage messages", { timeout: 120_000 }, () => {
  it("prefixes commander's errors with hostscan: and points to --help (exit 2)", async () => {
    const r = await runBin(["--nope", "example.com"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hostscan: unknown option '--nope' (see hostscan --help)\n");
  });

  it("points to --help after a bad flag value too", async () => {
    const r = await runBin(["--concurrency", "0", "example.com"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hostscan: --concurrency: a whole number ≥ 1 (see hostscan --help)\n");
  });

  it("shows examples, exit statuses and environment in --help, and no (default: [])", async () => {
    const r = await runBin(["--help"]);
    expect(r.code).toBe(0);
    for (const part of ["Examples:", "Exit status:", "Environment:", "NO_COLOR", "FORCE_COLOR"]) {
      expect(r.stdout).toContain(part);
    }
    expect(r.stdout).toMatch(/--color <when>/);
    expect(r.stdout).not.toContain("(default: [])");
  });

  it("says in one line that an input file is missing (exit 2)", async () => {
    const missing = join(dir, "missing.txt");
    const r = await runBin(["-i", missing]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `hostscan: cannot read input file ${missing}: no such file\n`,
    });
  });

  it("treats an empty or comments-only input file as an empty list: exit 0, no output", async () => {
    for (const text of ["", "# nothing yet\n\n   \n"]) {
      const r = await runBin(["-i", file("empty.txt", text)]);
      expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    }
  });

  it("reads every file of a repeated -i, in order", async () => {
    const a = file("a.txt", "a..one\n");
    const b = file("b.txt", "b..two\nb..three\n");
    const r = await runBin(["--ndjson", "-q", "-i", a, "-i", b]);
    const targets = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).target);
    expect(targets).toEqual(["a..one", "b..two", "b..three"]);
  });

  it("takes --max-body as bytes or with a unit (1k, 1M), and says what a bad size is", async () => {
    for (const size of ["4096", "1k", "1M", "2MiB"]) {
      const r = await runBin(["--max-body", size, "--json", "-q", "a..b"]);
      expect(r.code, size).toBe(1); // the invalid target, not the flag
    }
    const bad = await runBin(["--max-body", "1x", "example.com"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^hostscan: --max-body: a size in bytes/);
  });
});

describe("answers a person can act on", { timeout: 120_000 }, () => {
  it("says 'no such domain' and exits 1 for a name nobody registered, cached or not", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "hostscan-cache-"));
    const args = ["--cache-dir", cacheDir, ...local().filter((f) => f !== "--no-cache")];
    for (let run = 0; run < 2; run++) {
      const r = await runBin([...args, "--passive", "nope.com"]);
      expect(r.stdout).toBe(
        "nope.com: no such domain (DNS: NXDOMAIN; the registry has no record of it)\n",
      );
      expect(r.code).toBe(1);
    }
  });

  it("fails fast after the resolver stops answering, and says so once", async () => {
    const silent = await startFakeDns({ drop: true, handler: () => "drop" });
    try {
      const names = Array.from({ length: 12 }, (_, i) => `site${i}.example.org`);
      const r = await runBin([
        ...localFlags({ dns: silent.server, rdapBootstrap: rdap.bootstrapUrl }),
        "-t",
        "200",
        "-c",
        "1",
        "--passive",
        "--ndjson",
        ...names,
      ]);
      expect(r.code).toBe(1);
      const warnings = r.stderr.split("\n").filter((l) => l.includes("did not answer"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(
          `^hostscan: warning: DNS server ${silent.server} did not answer 8 lookups in a row \\(last: .*no answer in 200 ms.*\\); the rest fail at once \\(TIMEOUT\\) until it answers again$`,
        ),
      );
      const last = JSON.parse(r.stdout.trim().split("\n").pop() as string);
      expect(last.errors).toContainEqual(
        expect.objectContaining({ code: "TIMEOUT", message: expect.stringContaining("not asked") }),
      );
      // Without failing fast every target asks 7 questions, each tried twice.
      expect(silent.queries.length).toBeLessThan((names.length * 7 * 2) / 2);
    } finally {
      await silent.close();
    }
  });

  it("warns once when the cache directory cannot be written", async () => {
    const unwritable = file("not-a-directory", "x");
    const args = local().filter((f) => f !== "--no-cache");
    const r = await runBin([...args, "--cache-dir", join(unwritable, "sub"), "example.com"]);
    const lines = r.stderr.split("\n").filter((l) => l.includes("cache directory"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hostscan: warning: cache directory .* is not writable/);
  });

  it("-v shows DNS lookups and the HTTP probe too", async () => {
    const r = await runBin([
      ...local(),
      "--connect-to",
      `site.example.com:80:127.0.0.1:${web.port}`,
      "-v",
      "http://site.example.com/",
    ]);
    expect(r.stderr).toMatch(/^hostscan: debug: dns: A site\.example\.com: NOERROR from /m);
    expect(r.stderr).toMatch(/^hostscan: debug: http: http:\/\/site\.example\.com\/ → 200/m);
  });

  it("shows done/total, rate and ETA on a terminal, and a tally at the end", async () => {
    const list = file("list.txt", "example.com\n# a comment\nwww.example.com\nexample.com\n");
    const { code, screen } = await runPty([...local(), "--passive", "-i", list], {
      columns: 100,
    });
    expect(code).toBe(0);
    expect(screen).toMatch(/\d\/3 {2}[\d.]+\/s {2}ETA \d+s/);
    expect(screen).toMatch(/hostscan: 3 scanned, 0 failed, [\d.]+ s\n/);
  });
});
