import { describe, expect, it } from "vitest";
import { detectors } from "../src/detectors/index.js";
import type { Provider } from "../src/profile/types.js";
import { abuse, type ExpectedRoles } from "./fixtures/stacks/build.js";
import { STACKS } from "./fixtures/stacks/stacks.js";

const ROLES = [
  "dns",
  "cdn",
  "hosting",
  "email",
  "tls",
  "platform",
] as const satisfies (keyof ExpectedRoles)[];

/** The parts of a provider the golden expectations pin. */
function summary(p: Provider | null) {
  if (!p) return null;
  return {
    name: p.name,
    confidence: p.confidence,
    abuse: p.abuse,
    ...(p.note ? { note: p.note } : {}),
  };
}

describe("golden stacks: the right provider, confidence and abuse contact per role", () => {
  expect(STACKS.length).toBeGreaterThanOrEqual(16);
  for (const stack of STACKS) {
    describe(stack.name, () => {
      for (const role of ROLES) {
        it(role, () => {
          const want = stack.expected[role];
          const got = detectors[role](stack.evidence);
          expect(summary(got)).toEqual(
            want && {
              name: want.name,
              confidence: want.confidence,
              abuse: abuse(want.abuse),
              ...(want.note ? { note: want.note } : {}),
            },
          );
          if (got) {
            expect(got.evidence.length).toBeGreaterThan(0);
            expect(got.evidence.every((line) => line.trim().length > 0)).toBe(true);
          }
        });
      }
    });
  }
});
