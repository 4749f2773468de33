// Property-based tests (fast-check) for every parser, decoder and formatter that reads what
// strangers wrote: a fixed seed and a small budget here; `npm run fuzz` runs the same targets
// for millions of inputs. A failure prints the seed and the shrunk input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TARGETS, text } from "../fuzz/targets.js";
import { findEmail } from "../src/clients/rdap/find-email.js";
import { limitJsonDepth } from "../src/clients/rdap/json-depth.js";
import { cleanEmail, cleanPhone, cleanText } from "../src/clients/rdap/sanitize.js";
import { sanitize } from "../src/format/sanitize.js";

const SEED = 17;
const RUNS = 150;

describe("every fuzz target, generated and real inputs", () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))("%s", (_name, target) => {
    for (const seed of target.seeds()) expect(target.run(seed)).toBeNull();
    fc.assert(
      fc.property(target.arbitrary, (input) => target.run(input) === null),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("properties of the pieces", () => {
  it("findEmail finds what the quadratic regex it replaced found", () => {
    const old = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
    const alphabet = fc.constantFrom(..."ab1_.+-@ x");
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), (s) => {
        expect(findEmail(s)).toBe(old.exec(s)?.[0] ?? null);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("limitJsonDepth keeps shallow documents and always leaves valid JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 10 }), (v, depth) => {
        const json = JSON.stringify(v);
        const r = limitJsonDepth(json, depth);
        expect(() => JSON.parse(r.text)).not.toThrow();
        if (r.cut === null) expect(r.text).toBe(json);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("cleaned registry values are one line, bounded, and free of control characters", () => {
    fc.assert(
      fc.property(text(400), fc.integer({ min: 1, max: 300 }), (s, max) => {
        const t = cleanText(s, max);
        if (t !== null) {
          expect(t.length).toBeLessThanOrEqual(max);
          expect(t).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
        }
        const email = cleanEmail(s);
        if (email !== null) expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
        const phone = cleanPhone(s);
        if (phone !== null) expect(phone).toMatch(/\d/);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("sanitize leaves printable text alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."az AZ09,.:;é東😀") }), (s) => {
        expect(sanitize(s)).toBe(s);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
