import { describe, expect, it } from "vitest";
import { inShard, parseShard } from "../src/scan/shard.js";
import { parseTarget } from "../src/scan/targets/normalize.js";

// The CLI's shard key: the normalised host, or the trimmed line when it is not a valid target.
function key(line: string): string {
  const parsed = parseTarget(line);
  return parsed.ok ? parsed.target.host : line.trim();
}

describe("parseShard", () => {
  it("accepts i/N with 1 ≤ i ≤ N", () => {
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    expect(parseShard("3/8")).toEqual({ index: 3, count: 8 });
    expect(parseShard(" 2/3 ")).toEqual({ index: 2, count: 3 });
  });

  it("rejects malformed and out-of-range shards", () => {
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1/", "/3", "1/3/5", "-1/3", "1.5/3", ""]) {
      expect(parseShard(bad), bad).toBeNull();
    }
  });
});

describe("inShard", () => {
  it("puts every target in exactly one of N shards", () => {
    const hosts = Array.from({ length: 3000 }, (_, i) => `host-${i}.example.org`);
    for (const count of [1, 2, 3, 7, 16]) {
      const sizes: number[] = new Array<number>(count).fill(0);
      const misplaced: string[] = [];
      for (const host of hosts) {
        const owners = [];
        for (let index = 1; index <= count; index++) {
          if (inShard(host, { index, count })) owners.push(index);
        }
        if (owners.length !== 1)
          misplaced.push(`${host} in shards ${owners.join(",")} of ${count}`);
        else {
          const at = (owners[0] as number) - 1;
          sizes[at] = (sizes[at] ?? 0) + 1;
        }
      }
      expect(misplaced).toEqual([]);
      // Roughly even: no shard is starved or doubled.
      for (const size of sizes) {
        expect(size).toBeGreaterThan((hosts.length / count) * 0.8);
        expect(size).toBeLessThan((hosts.length / count) * 1.2);
      }
    }
  });

  it("is stable across runs, machines and Node versions (SHA-1 of the host, pinned)", () => {
    // First four bytes of SHA-1 of the host, big-endian, modulo N: fixed forever.
    const pinned: [string, number, number][] = [
      ["example.com", 10, 9],
      ["example.com", 16, 11],
      ["www.wikipedia.org", 3, 2],
      ["xn--bcher-kva.example", 3, 3],
      ["a.b.c.d.example.net", 16, 14],
    ];
    for (const [host, count, index] of pinned) {
      expect(inShard(host, { index, count }), `${host} ${index}/${count}`).toBe(true);
    }
  });

  it("sends every spelling of one host to the same shard (keyed on the normalised host)", () => {
    const spellings = [
      "example.com",
      "EXAMPLE.com.",
      "https://Example.COM/some/path?q=1",
      "abuse@example.com",
      "  example.com  ",
    ];
    const keys = new Set(spellings.map(key));
    expect([...keys]).toEqual(["example.com"]);
    const idn = new Set(["bücher.example", "xn--bcher-kva.example", "BÜCHER.example"].map(key));
    expect([...idn]).toEqual(["xn--bcher-kva.example"]);
  });
});
