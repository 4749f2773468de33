import { describe, expect, it } from "vitest";
import { detectors } from "../src/judge/detectors/index.js";
import { type Provider, ROLES } from "../src/profile/types.js";
import { abuse } from "./fixtures/stacks/build.js";
import { STACKS } from "./fixtures/stacks/stacks.js";

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
  // Every stack carries registration data; the registrar is unknown only where the registry
  // publishes none (DENIC), never guessed.
  it("every stack has registration evidence and a registry", () => {
    for (const stack of STACKS) {
      expect(stack.evidence.registration, stack.name).not.toBeNull();
      expect(stack.expected.registry, stack.name).not.toBeNull();
    }
  });
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
            // A contact always says where it comes from; no contact, no source.
            const { email, url, phone } = got.abuse;
            expect(!!got.abuseSource, `${role} abuseSource`).toBe(!!(email || url || phone));
            expect(got.evidence.length).toBeGreaterThan(0);
            expect(got.evidence.every((line) => line.trim().length > 0)).toBe(true);
          }
          // The registrar's evidence cites its IANA ID and the abuse contact it came from.
          if (want?.ianaId) expect(got?.evidence.join("\n")).toContain(`IANA ID ${want.ianaId}`);
          if (role === "registrar" && want?.abuse.email) {
            expect(got?.evidence.join("\n")).toContain(
              `registrar abuse contact ${want.abuse.email}`,
            );
          }
        });
      }
    });
  }
});
