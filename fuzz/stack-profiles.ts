// Realistic profiles for the formatter target: the golden stacks, judged and built as a scan would.
import { judge } from "../src/judge/detectors/index.js";
import { buildProfile } from "../src/profile/build.js";
import type { Profile } from "../src/profile/types.js";
import { generatorInfo } from "../src/scan/generator.js";
import { STACKS } from "../test/fixtures/stacks/stacks.js";

const timing = {
  scannedAt: "2026-11-26T10:00:00.000Z",
  durationMs: 812,
  generator: generatorInfo(),
};

/** One profile per golden stack. */
export const STACK_PROFILES: Profile[] = STACKS.map((s) =>
  buildProfile(s.evidence, judge(s.evidence), timing),
);
