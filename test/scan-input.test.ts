import { describe, expect, it } from "vitest";
import type { DnsAnswer, RecordType, Resolver } from "../src/clients/dns/types.js";
import type { Profile } from "../src/profile/types.js";
import { runBatch } from "../src/scan/batch.js";
import { createContext } from "../src/scan/context.js";
import { defaultOptions } from "../src/scan/options.js";
import { scanInput } from "../src/scan/scan-input.js";
import { asyncLines, batchOptions } from "./helpers/batch-fakes.js";
import { CLOSED_RDAP_BOOTSTRAP, CLOSED_WHOIS } from "./helpers/offline-world.js";
import { tableResolver } from "./helpers/table-resolver.js";

// Every name is NXDOMAIN: these tests are about registration, not DNS.
const silentResolver = tableResolver({});

describe("scanInput", () => {
  it("turns a bug inside one target's scan into a failed profile, not a dead batch", async () => {
    let calls = 0;
    const ctx = createContext(
      defaultOptions({
        passive: true,
        rdapBootstrap: CLOSED_RDAP_BOOTSTRAP,
        whoisServer: CLOSED_WHOIS,
      }),
      {
        resolver: silentResolver,
        clock: {
          now: () => {
            calls += 1;
            if (calls === 2) throw new Error("clock exploded");
            return 0;
          },
        },
      },
    );
    try {
      const p = await scanInput(ctx, "example.org", new AbortController().signal);
      expect(p.target).toBe("example.org");
      expect(p.errors).toEqual([
        expect.objectContaining({
          code: "INTERNAL",
          message: expect.stringContaining("clock exploded"),
        }),
      ]);
    } finally {
      await ctx.close();
    }
  });

  it("gives an invalid line its own profile", async () => {
    const ctx = createContext(defaultOptions(), { resolver: silentResolver });
    const p = await scanInput(ctx, "a..b", new AbortController().signal);
    expect(p.errors[0]).toMatchObject({ source: "input", code: "INVALID_TARGET" });
    await ctx.close();
  });
});

// A DNS client that never answers for one name and ignores every abort signal: a stand-in for
// any step that over-runs its own timeout.
function stuckResolver(stuck: string): Resolver {
  const others = tableResolver({});
  return {
    query(name: string, type: RecordType, opts?: { signal?: AbortSignal }): Promise<DnsAnswer> {
      if (name === stuck) return new Promise(() => {});
      return others.query(name, type, opts);
    },
    async close() {},
  };
}

describe("the per-target deadline", () => {
  const options = defaultOptions({
    passive: true,
    rdapBootstrap: CLOSED_RDAP_BOOTSTRAP,
    whoisServer: CLOSED_WHOIS,
    targetDeadlineMs: 300,
  });

  it("holds when a step ignores its signal: TIMEOUT with the source, the profile returned", async () => {
    const ctx = createContext(options, { resolver: stuckResolver("stuck.example") });
    try {
      const p = await scanInput(ctx, "stuck.example", new AbortController().signal);
      expect(p.host).toBe("stuck.example");
      expect(p.errors).toContainEqual({
        source: "dns",
        code: "TIMEOUT",
        message: expect.stringContaining("dns source: not finished within the target's deadline"),
      });
      expect(p.sources.dns?.status).toBe("error");
    } finally {
      await ctx.close();
    }
  });

  it("lets the batch go on past a stuck target, every result in order", async () => {
    const ctx = createContext(options, { resolver: stuckResolver("stuck.example") });
    const out: Profile[] = [];
    try {
      const summary = await runBatch(
        asyncLines(["a.example", "stuck.example", "b.example"]),
        (line, signal) => scanInput(ctx, line, signal),
        (p) => {
          out.push(p);
        },
        batchOptions({ concurrency: 2 }),
      );
      expect(summary.written).toBe(3);
      expect(out.map((p) => p.target)).toEqual(["a.example", "stuck.example", "b.example"]);
      expect(out[1]?.errors.map((e) => e.code)).toContain("TIMEOUT");
      expect(out[0]?.errors.map((e) => e.code)).not.toContain("TIMEOUT");
    } finally {
      await ctx.close();
    }
  });
});
