// Reading saved runs: NDJSON, pretty JSON, arrays; bad records reported by line and skipped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSaved, type SavedItem } from "../src/saved/read-saved.js";
import { splitRecords } from "../src/saved/split-records.js";

const profile = (target: string, extra: Record<string, unknown> = {}) => ({
  schema: "hostscan/profile@1",
  target,
  host: target,
  providers: { cdn: { name: "Cloudflare", id: "cloudflare", confidence: "high", abuse: null } },
  ...extra,
});

async function* chunked(text: string, sizes: number[] = [text.length || 1]) {
  let at = 0;
  let i = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[i++ % sizes.length] ?? 1);
    yield text.slice(at, at + size);
    at += size;
  }
}

async function all(text: string, sizes?: number[]): Promise<SavedItem[]> {
  const out: SavedItem[] = [];
  for await (const item of readSaved(chunked(text, sizes))) out.push(item);
  return out;
}

const summary = (items: SavedItem[]) =>
  items.map((i) => ("profile" in i ? `${i.line}:${i.profile.target}` : `${i.line}!${i.skipped}`));

describe("readSaved", () => {
  it("reads NDJSON, one profile per line", async () => {
    const text = `${JSON.stringify(profile("a.com"))}\n${JSON.stringify(profile("b.com"))}\n`;
    expect(summary(await all(text))).toEqual(["1:a.com", "2:b.com"]);
  });

  it("reads a pretty-printed object and a JSON array of them (hostscan --json)", async () => {
    const one = JSON.stringify(profile("a.com"), null, 2);
    expect(summary(await all(one))).toEqual(["1:a.com"]);
    const array = JSON.stringify([profile("a.com"), profile("b.com")], null, 2);
    const items = await all(`\ufeff${array}\r\n`);
    expect(items.map((i) => "profile" in i && i.profile.target)).toEqual(["a.com", "b.com"]);
  });

  it("reports a line cut short and the garbage after it by line number, and reads on", async () => {
    const good = JSON.stringify(profile("a.com"));
    const text = [
      good,
      '{"target": "cut", "providers": {',
      good.replace("a.com", "b.com"),
      "garbage \u001b[31m here",
      '{"target": 5, "providers": {}}',
      "[1, 2",
      good.replace("a.com", "c.com"),
    ].join("\n");
    expect(summary(await all(text))).toEqual([
      "1:a.com",
      "2!TRUNCATED",
      "3:b.com",
      "4!MALFORMED_JSON",
      "5!NOT_A_PROFILE",
      "6!TRUNCATED",
      "7:c.com",
    ]);
  });

  it("reports an array that never ends", async () => {
    const text = `[\n${JSON.stringify(profile("a.com"))},\n{"target": "b`;
    expect(summary(await all(text))).toEqual(["2:a.com", "3!UNTERMINATED"]);
  });

  it("skips a record past the size cap without keeping it", async () => {
    const big = JSON.stringify(profile("big.com", { pad: "x".repeat(5000) }));
    const text = `${big}\n${JSON.stringify(profile("a.com"))}\n`;
    const out = [];
    for await (const r of splitRecords(chunked(text, [100]), 1000)) out.push(r);
    expect(out[0]).toEqual({ line: 1, problem: "TOO_LARGE" });
    expect(out[1]).toMatchObject({ line: 2 });
  });

  it("gives the same records however the input is cut into chunks (property)", async () => {
    const target = fc.stringMatching(/^[a-z0-9.{}[\]",\\\u00e9-]{1,20}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(target, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        async (targets, asArray, sizes) => {
          const profiles = targets.map((t) => profile(t));
          const text = asArray
            ? JSON.stringify(profiles, null, 2)
            : profiles.map((p) => JSON.stringify(p)).join("\n");
          const items = await all(text, sizes);
          expect(items.map((i) => "profile" in i && i.profile.target)).toEqual(targets);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on arbitrary text, and every line number is within the input (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom("{", "}", "[", "]", '"', "\\", ",", "\n", "a", " ", ":"),
        }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
        async (text, sizes) => {
          const lines = text.split("\n").length;
          for (const item of await all(text, sizes)) {
            expect(item.line).toBeGreaterThanOrEqual(1);
            expect(item.line).toBeLessThanOrEqual(lines);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
