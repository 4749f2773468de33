import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readTargets, targetOfLine } from "../src/cli/read-targets.js";

async function collect(gen: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const t of gen) out.push(t);
  return out;
}

describe("readTargets", () => {
  it("yields arguments first, then stream lines, skipping blanks and # comments", async () => {
    const stream = Readable.from(["a.example\r\n\n  # comment\r\n", " b.example \n", "c.example"]);
    expect(await collect(readTargets(["x.example"], [stream]))).toEqual([
      "x.example",
      "a.example",
      "b.example",
      "c.example",
    ]);
  });

  it("keeps lines that are not valid targets (each still gets its record)", () => {
    expect(targetOfLine("not a domain!")).toBe("not a domain!");
    expect(targetOfLine("   ")).toBeNull();
    expect(targetOfLine("#x.example")).toBeNull();
  });

  it("reads lazily: the first target is available before the stream ends", async () => {
    const stream = new PassThrough();
    const gen = readTargets([], [stream]);
    stream.write("first.example\n");
    const first = await gen.next();
    expect(first).toEqual({ done: false, value: "first.example" });
    stream.end("second.example\n");
    expect(await collect(gen)).toEqual(["second.example"]);
  });
});
