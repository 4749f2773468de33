// The contract lives in the repository: schema/profile.schema.json. Every golden profile must
// match it (CLI outputs are checked by the run-cli helpers), and it must reject what is wrong.
import { describe, expect, it } from "vitest";
import { judge } from "../src/judge/detectors/index.js";
import { buildProfile, failedProfile } from "../src/profile/build.js";
import { generatorInfo } from "../src/scan/generator.js";
import { STACKS } from "./fixtures/stacks/stacks.js";
import { assertValidProfile } from "./helpers/profile-schema.js";

const run = { scannedAt: "2026-11-26T10:00:00.000Z", durationMs: 812, generator: generatorInfo() };
const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

describe("schema/profile.schema.json", () => {
  it("accepts every golden profile", () => {
    for (const s of STACKS) {
      assertValidProfile(roundTrip(buildProfile(s.evidence, judge(s.evidence), run)));
    }
  });

  it("accepts the profile of a target that could not be scanned", () => {
    const p = failedProfile("a..b", { code: "INVALID_TARGET", message: "empty label" }, run);
    assertValidProfile(roundTrip(p));
  });

  it("rejects a missing field, a wrong type, an unknown confidence and an unknown field", () => {
    const stack = STACKS[0] as (typeof STACKS)[number];
    const good = () => roundTrip(buildProfile(stack.evidence, judge(stack.evidence), run));
    const cases: ((p: Record<string, unknown>) => void)[] = [
      (p) => delete p.generator,
      (p) => (p.durationMs = "812"),
      (p) => ((p.providers as { cdn: { confidence: string } }).cdn.confidence = "certain"),
      (p) => (p.surprise = true),
      (p) => (p.errors as unknown[]).push({ source: "dns", code: "lower case", message: "" }),
    ];
    for (const spoil of cases) {
      const p = good();
      spoil(p);
      expect(() => assertValidProfile(p)).toThrow(/does not match/);
    }
  });
});
