import { describe, expect, it } from "vitest";
import { progressLine } from "../src/cli/progress.js";

describe("progressLine", () => {
  it("shows done/total, rate, ETA and errors when the total is known", () => {
    expect(progressLine({ done: 50, total: 200, errors: 3, elapsedMs: 10_000 })).toBe(
      "50/200  5.0/s  ETA 30s  3 with errors",
    );
  });

  it("shows a count without ETA for streamed input (total unknown)", () => {
    expect(progressLine({ done: 1234, total: null, errors: 0, elapsedMs: 2000 })).toBe(
      "1234 done  617.0/s  0 with errors",
    );
  });

  it("formats long ETAs in minutes and hours", () => {
    expect(progressLine({ done: 10, total: 1210, errors: 0, elapsedMs: 10_000 })).toContain(
      "ETA 20m00s",
    );
    expect(progressLine({ done: 1, total: 100_001, errors: 0, elapsedMs: 1000 })).toContain(
      "ETA 27h46m",
    );
  });

  it("omits the ETA before anything is done (no division by zero)", () => {
    const line = progressLine({ done: 0, total: 10, errors: 0, elapsedMs: 0 });
    expect(line).toBe("0/10  0.0/s  0 with errors");
  });
});
