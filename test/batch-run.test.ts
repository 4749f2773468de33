import { describe, expect, it } from "vitest";
import type { Profile } from "../src/profile/types.js";
import { runBatch } from "../src/scan/batch.js";
import {
  asyncLines,
  batchOptions,
  delay,
  fakeProfile,
  seededRandom,
} from "./helpers/batch-fakes.js";

describe("runBatch ordering", () => {
  it("writes results in input order under random scan delays with concurrency > 1", async () => {
    const random = seededRandom(42);
    const lines = Array.from({ length: 600 }, (_, i) => `host-${i}.example`);
    const written: { target: string; index: number }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const summary = await runBatch(
      asyncLines(lines),
      async (line) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(Math.floor(random() * 6));
        inFlight -= 1;
        return fakeProfile(line);
      },
      (p, index) => {
        written.push({ target: p.target, index });
      },
      batchOptions({ concurrency: 16, window: 64 }),
    );
    expect(summary).toEqual({ total: 600, written: 600, interrupted: false });
    expect(written.map((w) => w.target)).toEqual(lines);
    expect(written.map((w) => w.index)).toEqual(lines.map((_, i) => i));
    expect(maxInFlight).toBeLessThanOrEqual(16);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it("writes each result as soon as it and all before it are done", async () => {
    // Line 0 is held until line 2 has finished; then 0, 1, 2 go out together, and line 3
    // (held until we see those writes) cannot have been waited for.
    const release: Record<number, () => void> = {};
    const held = (i: number) => new Promise<void>((r) => (release[i] = r));
    const gates = [held(0), Promise.resolve(), Promise.resolve(), held(3)];
    const finished: number[] = [];
    const writtenBefore3: number[] = [];
    const written: number[] = [];
    await runBatch(
      asyncLines(["a.example", "b.example", "c.example", "d.example"]),
      async (line) => {
        const i = line.charCodeAt(0) - 97;
        await gates[i];
        finished.push(i);
        if (i === 2) release[0]?.();
        return fakeProfile(line);
      },
      (_p, index) => {
        written.push(index);
        if (index === 2) {
          writtenBefore3.push(...written);
          release[3]?.();
        }
      },
      batchOptions({ concurrency: 4 }),
    );
    expect(writtenBefore3).toEqual([0, 1, 2]);
    expect(written).toEqual([0, 1, 2, 3]);
  });
});

describe("runBatch records and duplicates", () => {
  it("gives exactly one record per input line, invalid and duplicate lines included", async () => {
    const lines = [
      "a.example",
      "bad!line",
      "b.example",
      "A.example ",
      "a.example",
      "bad!line",
      "c.example",
      "b.example",
    ];
    const calls: string[] = [];
    const written: Profile[] = [];
    const summary = await runBatch(
      asyncLines(lines),
      async (line) => {
        calls.push(line);
        await delay(1);
        return line.includes("!") ? fakeProfile(line, "INVALID_TARGET") : fakeProfile(line);
      },
      (p) => {
        written.push(p);
      },
      batchOptions({ concurrency: 3 }),
    );
    expect(summary.total).toBe(lines.length);
    expect(written.map((p) => p.target)).toEqual(lines);
    // Each distinct key once; lines without a key (invalid) every time.
    expect(calls.filter((c) => c.trim().toLowerCase() === "a.example")).toHaveLength(1);
    expect(calls.filter((c) => c === "b.example")).toHaveLength(1);
    expect(calls.filter((c) => c === "bad!line")).toHaveLength(2);
    expect(calls).toHaveLength(5);
    expect(written[3]?.errors).toEqual(written[0]?.errors);
    expect(written[5]?.errors[0]?.code).toBe("INVALID_TARGET");
  });

  it("scans a duplicate again once its key has left the recent-keys LRU", async () => {
    const lines = ["a.example", "b.example", "c.example", "a.example", "b.example", "b.example"];
    const calls: string[] = [];
    const written: string[] = [];
    await runBatch(
      asyncLines(lines),
      async (line) => {
        calls.push(line);
        return fakeProfile(line);
      },
      (p) => {
        written.push(p.target);
      },
      batchOptions({ concurrency: 1, dedupeEntries: 2 }),
    );
    expect(written).toEqual(lines);
    // LRU of 2: a is evicted by c, so a and then b are scanned again; the last b is remembered.
    expect(calls).toEqual(["a.example", "b.example", "c.example", "a.example", "b.example"]);
  });
});

describe("runBatch back-pressure", () => {
  it("never starts more than `window` lines past the oldest unwritten one", async () => {
    const window = 32;
    const random = seededRandom(7);
    const lines = Array.from({ length: 400 }, (_, i) => `h${i}.example`);
    let started = 0;
    let written = 0;
    let maxAhead = 0;
    let startedWhenFull = -1;
    let sawFull = false;
    let releaseHead: () => void = () => {};
    const headHeld = new Promise<void>((r) => (releaseHead = r));
    await runBatch(
      asyncLines(lines),
      async (line, _signal) => {
        started += 1;
        maxAhead = Math.max(maxAhead, started - written);
        if (line === "h0.example") await headHeld;
        else if (random() < 0.1) await delay(Math.floor(random() * 8));
        if (started === window && !sawFull) {
          sawFull = true;
          // The window is full: give the runner many turns of the event loop to overrun it.
          for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
          startedWhenFull = started;
          releaseHead();
        }
        return fakeProfile(line);
      },
      () => {
        written += 1;
      },
      batchOptions({ concurrency: 8, window }),
    );
    expect(written).toBe(lines.length);
    expect(startedWhenFull).toBe(window);
    expect(maxAhead).toBeLessThanOrEqual(window);
  });

  it("waits for a slow writer (stdout back-pressure) instead of piling up results", async () => {
    const window = 16;
    let started = 0;
    let written = 0;
    let maxAhead = 0;
    await runBatch(
      asyncLines(Array.from({ length: 200 }, (_, i) => `w${i}.example`)),
      async (line) => {
        started += 1;
        maxAhead = Math.max(maxAhead, started - written);
        return fakeProfile(line);
      },
      async () => {
        await new Promise((r) => setImmediate(r));
        written += 1;
      },
      batchOptions({ concurrency: 4, window }),
    );
    expect(written).toBe(200);
    expect(maxAhead).toBeLessThanOrEqual(window);
  });
});

describe("runBatch abort (SIGINT)", () => {
  it("writes every finished result in input order and returns without the stuck ones", async () => {
    const controller = new AbortController();
    const lines = Array.from({ length: 100 }, (_, i) => `s${i}.example`);
    const written: number[] = [];
    let finishedAfterStuck = 0;
    const summary = await runBatch(
      asyncLines(lines),
      async (line) => {
        const i = Number(line.slice(1, line.indexOf(".")));
        // Line 1 never finishes (and ignores the signal); 2..5 finish, then we interrupt.
        if (i === 1) return new Promise<Profile>(() => {});
        await delay(1);
        if (i >= 2 && ++finishedAfterStuck === 4) setImmediate(() => controller.abort());
        if (i > 5) await new Promise<void>(() => {});
        return fakeProfile(line);
      },
      (_p, index) => {
        written.push(index);
      },
      batchOptions({ concurrency: 6, window: 64, signal: controller.signal }),
    );
    expect(summary.interrupted).toBe(true);
    expect(written).toEqual([0, 2, 3, 4, 5]);
    expect(summary.written).toBe(5);
  });

  it("stops even while the input is blocked waiting for its next line", async () => {
    const controller = new AbortController();
    async function* stalled(): AsyncGenerator<string> {
      yield "x1.example";
      yield "x2.example";
      await new Promise<void>(() => {}); // like stdin held open with nothing more to read
    }
    const written: string[] = [];
    const summary = await runBatch(
      stalled(),
      async (line) => {
        if (line === "x2.example") setImmediate(() => controller.abort());
        return fakeProfile(line);
      },
      (p) => {
        written.push(p.target);
      },
      batchOptions({ signal: controller.signal }),
    );
    expect(summary.interrupted).toBe(true);
    expect(written).toEqual(["x1.example", "x2.example"]);
  });

  it("starts nothing when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const summary = await runBatch(
      asyncLines(["a.example", "b.example"]),
      async (line) => {
        calls += 1;
        return fakeProfile(line);
      },
      () => {},
      batchOptions({ signal: controller.signal }),
    );
    expect(calls).toBe(0);
    expect(summary).toEqual({ total: 0, written: 0, interrupted: true });
  });
});

describe("runBatch failures", () => {
  it("rejects (instead of hanging) when a scan function throws", async () => {
    const run = runBatch(
      asyncLines(["a.example", "b.example", "c.example"]),
      async (line) => {
        if (line === "b.example") throw new Error("detector bug");
        return fakeProfile(line);
      },
      () => {},
      batchOptions({ concurrency: 2 }),
    );
    await expect(run).rejects.toThrow("detector bug");
  });

  it("rejects when writing a result fails (EPIPE-like)", async () => {
    const run = runBatch(
      asyncLines(Array.from({ length: 50 }, (_, i) => `e${i}.example`)),
      async (line) => fakeProfile(line),
      (_p, index) => {
        if (index === 3) throw new Error("write EPIPE");
      },
      batchOptions({ concurrency: 4 }),
    );
    await expect(run).rejects.toThrow("write EPIPE");
  });

  it("propagates an input read error", async () => {
    async function* broken(): AsyncGenerator<string> {
      yield "a.example";
      throw new Error("ENOENT: no such file");
    }
    const run = runBatch(
      broken(),
      async (line) => fakeProfile(line),
      () => {},
      batchOptions(),
    );
    await expect(run).rejects.toThrow("ENOENT");
  });
});
