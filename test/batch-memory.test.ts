import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { runBatch } from "../src/scan/batch.js";
import { batchOptions, fakeProfile } from "./helpers/batch-fakes.js";

// A real full collection between samples, so the heap figures are live data, not garbage.
setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

// Never materialises the list: like reading a 50,000-line file.
async function* generated(count: number): AsyncGenerator<string> {
  for (let i = 0; i < count; i++) {
    if (i % 256 === 0) await new Promise((r) => setImmediate(r));
    yield `site-${i}.example`;
  }
}

describe("runBatch memory", () => {
  // Regression: racing every wait against one never-settling abort promise retained ~230 B per
  // target (9 MB over these 40,000), which is 230 MB at a million lines.
  it("stays flat over a 50,000-target run: no per-target reactions left on the abort promise", async () => {
    const total = 50_000;
    const samples = new Map<number, number>();
    let bytesOut = 0;
    let lastTarget = "";
    const summary = await runBatch(
      generated(total),
      async (line) => {
        await new Promise((r) => setImmediate(r));
        return fakeProfile(line);
      },
      (profile, index) => {
        bytesOut += JSON.stringify(profile).length + 1;
        lastTarget = profile.target;
        // The dedupe LRU (4096 entries) and the window are full well before 10k.
        if (index === 10_000 || index === total - 1) samples.set(index, heapAfterGc());
      },
      batchOptions({ concurrency: 64, window: 1024 }),
    );
    expect(summary).toEqual({ total, written: total, interrupted: false });
    expect(lastTarget).toBe(`site-${total - 1}.example`);
    expect(bytesOut).toBeGreaterThan(total * 100);
    const early = samples.get(10_000) as number;
    const late = samples.get(total - 1) as number;
    // 40,000 more results went through; holding even 100 bytes each would add 4 MB.
    expect(late - early).toBeLessThan(3 * 1024 * 1024);
  });
});
