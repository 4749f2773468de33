// Fakes for batch-runner tests: minimal profiles, line sources and a seeded random generator.

import { failedProfile } from "../../src/profile/build.js";
import type { Profile } from "../../src/profile/types.js";
import type { BatchOptions } from "../../src/scan/batch.js";
import { generatorInfo } from "../../src/scan/generator.js";

// Read once: it hashes the whole catalogue, and batch tests make tens of thousands of profiles.
const GENERATOR = generatorInfo();

/** A small profile for `line`; `code` marks it as an error profile when given. */
export function fakeProfile(line: string, code = "FAKE"): Profile {
  const p = failedProfile(
    line,
    { code, message: line },
    { scannedAt: "2026-01-01T00:00:00.000Z", durationMs: 0, generator: GENERATOR },
  );
  return { ...p, errors: code === "FAKE" ? [] : p.errors };
}

/** Lines as an async iterable, yielding to the event loop now and then like a real reader. */
export async function* asyncLines(lines: Iterable<string>): AsyncGenerator<string> {
  let n = 0;
  for (const line of lines) {
    if (++n % 64 === 0) await new Promise((r) => setImmediate(r));
    yield line;
  }
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failing run replays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Batch options for tests: key is the trimmed lower-cased line, empty/"!" lines have none. */
export function batchOptions(overrides: Partial<BatchOptions> = {}): BatchOptions {
  return {
    concurrency: 8,
    window: 64,
    signal: new AbortController().signal,
    keyOf: (line) => {
      const key = line.trim().toLowerCase();
      return key && !key.includes("!") ? key : null;
    },
    dedupeEntries: 4096,
    ...overrides,
  };
}

/** Resolves after `ms` milliseconds (a fake scan's simulated network time). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
