// Importing the library does nothing: no output, no timers or sockets keeping the process
// alive, no fingerprint compile, no network. Run against the built package as a user would.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("importing hostscan", () => {
  it("has no side effects", () => {
    // The process must end by itself: a timer or socket opened on import would keep it alive.
    const script = `
      const lib = await import("./dist/index.js");
      console.log(JSON.stringify({ exports: Object.keys(lib).length }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(r.stderr).toBe("");
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).exports).toBeGreaterThan(5);
  });
});
