// `hostscan diff` input and output: malformed lines, stdin, appeared and disappeared targets,
// JSON, CSV, and the diff(1) exit statuses.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSED_RDAP_BOOTSTRAP, CLOSED_WHOIS } from "./helpers/offline-world.js";
import { runBin, runMain } from "./helpers/run-cli.js";
import { type FakeProfile, ndjson, savedProfileJson } from "./helpers/saved-profiles.js";

const cf = { name: "Cloudflare", id: "cloudflare" };
const OLD: FakeProfile[] = [
  { target: "a.example", providers: { cdn: cf } },
  { target: "b.example", providers: { cdn: cf } },
  { target: "gone.example" },
];
const NEW: FakeProfile[] = [
  { target: "a.example", providers: { cdn: cf } },
  { target: "b.example", providers: { cdn: { name: "=cmd|' /C calc'!A0\u001b[2J" } } },
  { target: "new.example" },
];

let dir: string;
let oldFile: string;
let newFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hostscan-diff-io-"));
  oldFile = join(dir, "old.ndjson");
  newFile = join(dir, "new.json");
  writeFileSync(oldFile, ndjson(OLD));
  // The later run saved with --json: one array.
  writeFileSync(newFile, JSON.stringify(NEW.map(savedProfileJson), null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostscan diff input and output", () => {
  it("reports malformed lines by number, diffs the rest, and exits 2 (trouble)", async () => {
    const lines = ndjson(OLD).trim().split("\n");
    lines.splice(1, 0, '{"target": "half', "\u0000\u0001 binary junk");
    const bad = join(dir, "bad.ndjson");
    writeFileSync(bad, `${lines.join("\n")}\n`);
    const r = await runBin(["diff", bad, oldFile]);
    expect(r.stderr.split("\n")).toEqual([
      `hostscan: ${bad}:2: record cut short, skipped`,
      `hostscan: ${bad}:3: not valid JSON, skipped`,
      "hostscan diff: 2 records skipped",
      "",
    ]);
    expect(r.stdout).toBe("no changes (3 targets compared)\n");
    expect(r.code).toBe(2);
  });

  it("NDJSON against a JSON array: a replaced provider, an appeared and a disappeared target", async () => {
    const r = await runMain(["diff", "--json", oldFile, newFile]);
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout);
    expect(
      records.map((x: { target: string; status: string }) => `${x.target} ${x.status}`),
    ).toEqual(["b.example changed", "gone.example disappeared", "new.example appeared"]);
    expect(records[0].changes[0]).toMatchObject({
      field: "providers.cdn",
      kind: "replaced",
      old: "Cloudflare",
    });
  });

  it("reads one side from stdin; the table and CSV are escaped like the profile formatters", async () => {
    const table = await runMain(["diff", oldFile, "-"], { stdin: ndjson(NEW) });
    expect(table.code).toBe(1);
    expect(table.stdout).toContain(
      "providers.cdn: replaced Cloudflare → =cmd|' /C calc'!A0\\x1b[2J",
    );
    expect(table.stdout).not.toMatch(/\u001b/);
    const csv = await runMain(["diff", "--csv", oldFile, newFile]);
    expect(csv.stdout.split("\r\n")[0]).toBe("target,host,status,field,kind,old,new,added,removed");
    expect(csv.stdout).toContain(
      `b.example,b.example,changed,providers.cdn,replaced,Cloudflare,'=cmd|' /C calc'!A0\\x1b[2J,,`,
    );
    expect(csv.stdout).toContain("new.example,new.example,appeared,,,,,,");
  });

  it("usage and unreadable input are trouble (exit 2)", async () => {
    expect((await runMain(["diff", oldFile])).code).toBe(2);
    expect((await runMain(["diff", "-", "-"])).code).toBe(2);
    expect((await runMain(["diff", "--json", "--csv", oldFile, newFile])).code).toBe(2);
    const missing = await runMain(["diff", oldFile, join(dir, "nope.ndjson")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ENOENT");
  });

  it("a target named diff or summary is still scanned as a target after --", async () => {
    const r = await runMain(["--help"]);
    expect(r.stdout).toContain("hostscan -- diff");
    // `--` ends the options, so "diff" is a target (a single label: invalid, exit 1, offline).
    const offline = [
      "--passive",
      "--resolver",
      "127.0.0.1:9",
      "--rdap-bootstrap",
      CLOSED_RDAP_BOOTSTRAP,
      "--whois-server",
      CLOSED_WHOIS,
    ];
    const t = await runMain([...offline, "--json", "--", "diff"]);
    expect(t.code).toBe(1);
    expect(JSON.parse(t.stdout)).toMatchObject({
      target: "diff",
      errors: [{ code: "INVALID_TARGET" }],
    });
  });
});
