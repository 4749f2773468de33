// Whole outputs compared with golden files: the one-target table, the several-target table and
// CSV for realistic stacks. A change to the layout shows up as a reviewable diff of the files;
// regenerate them with UPDATE_GOLDEN=1 npx vitest run test/format-golden.test.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatters } from "../src/format/index.js";
import { judge } from "../src/judge/detectors/index.js";
import { buildProfile } from "../src/profile/build.js";
import type { Profile } from "../src/profile/types.js";
import { generatorInfo } from "../src/scan/generator.js";
import { STACKS } from "./fixtures/stacks/stacks.js";

const timing = {
  scannedAt: "2026-11-26T10:00:00.000Z",
  durationMs: 812,
  generator: generatorInfo(),
};
const profiles: Profile[] = STACKS.map((s) => buildProfile(s.evidence, judge(s.evidence), timing));

function render(format: keyof typeof formatters, profiles: Profile[], width = 120): string {
  const list = profiles.length !== 1;
  const out = formatters[format]({ color: false, width, fullEvidence: false, list });
  return profiles.map((p) => out.push(p)).join("") + out.end();
}

function golden(name: string, actual: string): void {
  const file = new URL(`./fixtures/golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden outputs", () => {
  it("one target: the detailed table", () => {
    golden("table-cloudflare-wordpress.txt", render("table", [profiles[0] as Profile]));
  });

  it("several targets: one block each", () => {
    golden("table-stacks.txt", render("table", profiles));
  });

  it("CSV of every stack", () => {
    golden("stacks.csv", render("csv", profiles));
  });
});
