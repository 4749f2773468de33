import { describe, expect, it } from "vitest";
import { createContext } from "../src/scan/context.js";
import { defaultOptions } from "../src/scan/options.js";
import { scanInput } from "../src/scan/scan-input.js";
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
