// Wrapping is what keeps a contact copyable: property tests over any text and width.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSize } from "../src/cli/parse-values.js";
import { hangingIndent, wrapWords } from "../src/format/wrap.js";
import { sortAddresses } from "../src/util/stable-order.js";

const word = fc.stringMatching(/^[a-z0-9@.:/_-]{1,60}$/);
const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(" "));

describe("wrapWords", () => {
  it("never breaks a word, and only a word wider than the line makes a line too long", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), (t, width) => {
        const lines = wrapWords(t, width);
        expect(lines.join(" ").split(" ").filter(Boolean)).toEqual(t.split(" ").filter(Boolean));
        for (const line of lines) {
          if (line.length > width) expect(line).not.toContain(" ");
        }
      }),
    );
  });

  it("keeps glued text on one line when it fits", () => {
    expect(wrapWords("report: abuse\u00a0abuse@example.com", 24)).toEqual([
      "report:",
      "abuse abuse@example.com",
    ]);
  });

  it("indents continuation lines under the text and escapes control characters", () => {
    const lines = hangingIndent("  key  ", "one two three four five six\u001b[31m", 40);
    expect(lines).toEqual(["  key  one two three four five", "       six\\x1b[31m"]);
  });
});

describe("parseSize", () => {
  it("reads bytes and binary units, and refuses anything else", () => {
    expect(parseSize("1k")).toBe(1024);
    expect(parseSize("1M")).toBe(1024 * 1024);
    expect(parseSize("2MiB")).toBe(2 * 1024 * 1024);
    expect(parseSize("512kb")).toBe(512 * 1024);
    for (const bad of ["", "0", "1x", "-1", "1.5M", "k", "1 M B"])
      expect(parseSize(bad)).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const n = parseSize(s);
        if (n !== null) expect(Number.isSafeInteger(n) && n >= 1).toBe(true);
      }),
    );
  });
});

describe("sortAddresses", () => {
  it("orders any permutation the same way: IPv4 numerically, then IPv6", () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((t) => t.join("."));
    fc.assert(
      fc.property(fc.uniqueArray(v4, { maxLength: 12 }), fc.nat(), (list, seed) => {
        const shuffled = [...list].sort(
          (a, b) => ((a + seed).length % 3) - ((b + seed).length % 3),
        );
        expect(sortAddresses(shuffled)).toEqual(sortAddresses(list));
      }),
    );
    expect(sortAddresses(["2606:4700::1", "10.0.0.2", "9.0.0.1"])).toEqual([
      "9.0.0.1",
      "10.0.0.2",
      "2606:4700::1",
    ]);
  });
});
