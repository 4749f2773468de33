import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runMain } from "./helpers/run-cli.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// None of these reach a network: usage errors and invalid targets end before any lookup.
describe("hostscan usage", () => {
  it("prints its version", async () => {
    const r = await runMain(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("exits 2 on an unknown flag", async () => {
    const r = await runMain(["--no-such-flag", "example.org"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option");
    expect(r.stdout).toBe("");
  });

  it("exits 2 on a bad format and on malformed values", async () => {
    expect((await runMain(["-f", "xml", "example.org"])).code).toBe(2);
    expect((await runMain(["-c", "0", "example.org"])).code).toBe(2);
    expect((await runMain(["--resolver", "not-an-ip", "example.org"])).code).toBe(2);
    expect((await runMain(["--connect-to", "a:b", "example.org"])).code).toBe(2);
    expect((await runMain(["--shard", "3/2", "example.org"])).code).toBe(2);
    expect((await runMain(["--rdap-bootstrap", "not a url", "example.org"])).code).toBe(2);
    expect((await runMain(["--proxy", "ftp://proxy.example", "example.org"])).code).toBe(2);
    expect((await runMain(["--whois-server", "who is", "example.org"])).code).toBe(2);
    expect((await runMain(["--doh", "dns.example", "example.org"])).code).toBe(2);
    expect((await runMain(["--json", "-f", "csv", "example.org"])).code).toBe(2);
    expect((await runMain(["--json", "--ndjson", "example.org"])).code).toBe(2);
  });

  it("exits 2 with no targets on a terminal", async () => {
    const r = await runMain([], { stdinIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no targets");
  });

  it("treats piped stdin holding only comments as an empty list: exit 0, no output", async () => {
    const r = await runMain([], { stdin: "# only a comment\n\n" });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("gives an invalid target a profile, a one-line message and exit 1", async () => {
    const r = await runMain(["--json", "a..b"]);
    expect(r.code).toBe(1);
    const profile = JSON.parse(r.stdout);
    expect(profile.errors).toEqual([
      expect.objectContaining({ source: "input", code: "INVALID_TARGET" }),
    ]);
    expect(profile.host).toBeNull();
    expect(Object.values(profile.providers)).toEqual(Array(8).fill(null));
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("writes one result per line, in input order, invalid lines included", async () => {
    const r = await runMain(["--ndjson", "-i", "-"], {
      stdin: "exa mple.org\n#c\n\n1.2.3.4\nhttp://\n",
    });
    const lines = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((p) => p.target)).toEqual(["exa mple.org", "1.2.3.4", "http://"]);
    expect(r.code).toBe(1);
  });

  it("escapes bidi controls in stderr messages and bounds a huge invalid line", async () => {
    const huge = `x y${"z".repeat(100_000)}`;
    const r = await runMain(["--ndjson", "-i", "-"], { stdin: `a\u202eb.com\n${huge}\n` });
    expect(r.stderr).not.toMatch(/[\u202e]/);
    expect(r.stderr).toContain("\\u202e");
    expect(r.stderr.length).toBeLessThan(2000);
    const profiles = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(profiles[1].target).toBe(huge); // the record keeps the input as given
    expect(profiles[1].errors[0].message.length).toBeLessThan(400);
  });

  it("writes a CSV header even for invalid targets only", async () => {
    const r = await runMain(["-f", "csv", "bad..name"]);
    expect(r.stdout.split("\r\n")[1]).toMatch(/^bad\.\.name,,,.*,INVALID_TARGET,+$/);
  });
});
