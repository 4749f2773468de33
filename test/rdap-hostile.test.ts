// Issue 17's reproducers: hostile RDAP answers decode in milliseconds, never throw, and say
// which field was ignored while the rest of the document is kept.
import { describe, expect, it } from "vitest";
import { decodeDomain } from "../src/clients/rdap/decode-domain.js";
import { decodeNetwork } from "../src/clients/rdap/decode-network.js";
import { findEmail } from "../src/clients/rdap/find-email.js";
import { limitJsonDepth } from "../src/clients/rdap/json-depth.js";

// Converting this to a string throws (no callable toString/valueOf).
const UNPRINTABLE = { toString: 0, valueOf: 0 };

describe("hostile RDAP network answers", () => {
  it("an 80k-character abuse remark without an address decodes to no contact", () => {
    // Before: 3.3 s. Its cost against a benign remark is measured in regex-linear.test.ts.
    const facts = decodeNetwork({ remarks: [{ description: [`abuse ${"a".repeat(80_000)}`] }] });
    expect(facts.abuse).toBeNull();
  });

  it("still finds the address a remark names after a long line", () => {
    const line = `Please send abuse reports to abuse@mtn.example.za ${"x".repeat(50_000)}`;
    expect(decodeNetwork({ remarks: [{ description: [line] }] }).abuse?.email).toBe(
      "abuse@mtn.example.za",
    );
  });

  it("objects that cannot become strings are ignored by field, the rest kept", () => {
    const facts = decodeNetwork({
      handle: "NET-1",
      links: [{ rel: UNPRINTABLE }],
      cidr0_cidrs: [{ v4prefix: "192.0.2.0", length: UNPRINTABLE }],
      arin_originas0_originautnums: [UNPRINTABLE, 64500],
      entities: [
        {
          roles: ["abuse"],
          vcardArray: [
            "vcard",
            [
              ["email", { pref: UNPRINTABLE }, "text", "abuse@net.example"],
              ["tel", { type: UNPRINTABLE }, "text", "+1 555 0100"],
            ],
          ],
        },
      ],
    });
    expect(facts.handle).toBe("NET-1");
    expect(facts.originAsns).toEqual([64500]);
    expect(facts.abuse).toEqual({ email: "abuse@net.example", phone: "+1 555 0100", url: null });
    expect(facts.warnings).toEqual(
      expect.arrayContaining([
        "cidr0_cidrs[0].length is not a number",
        "arin_originas0_originautnums[0] is not a number",
        "entities[0].vcardArray[1][0][1].pref is not a number",
      ]),
    );
  });

  it("deeply nested arrays where strings belong are ignored, not joined", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(() => decodeDomain({ links: [{ rel: deep }], status: [deep, "active"] })).not.toThrow();
    expect(decodeDomain({ status: [deep, "active"] }).status).toEqual(["active"]);
  });
});

describe("hostile RDAP domain answers", () => {
  it("publicIds, links and event members of the wrong type are named", () => {
    const facts = decodeDomain({
      links: [{ rel: UNPRINTABLE }],
      events: [{ eventAction: "registration", eventDate: "2001-02-03T00:00:00Z" }],
      entities: [
        {
          roles: ["registrar"],
          publicIds: [{ type: UNPRINTABLE }, { type: "IANA Registrar ID", identifier: 292 }],
        },
      ],
    });
    expect(facts.registrar?.ianaId).toBe("292");
    expect(facts.created).toBe("2001-02-03T00:00:00.000Z");
    expect(facts.warnings).toEqual([
      "entities[0].publicIds[0].type is not a string",
      "links[0].rel is not a string",
    ]);
  });
});

describe("findEmail", () => {
  it.each([
    ["abuse: noc@example.net.", "noc@example.net"],
    ["mail a.b+c@x-y.example.org now", "a.b+c@x-y.example.org"],
    ["@@ a@b @ c@d.e", "c@d.e"],
    ["nothing here", null],
    ["x@y", null],
    ["x@y..z a@b.c", "a@b.c"],
  ])("%s → %s", (text, email) => {
    expect(findEmail(text)).toBe(email);
  });

  it("agrees with the regex it replaces on short text", () => {
    const re = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
    for (const text of ["a@b.c.d", "..@a.b", "a@b-.c", "a@-b.c", "+@1.2 x@y.z", "a@b.c@d.e"]) {
      expect(findEmail(text)).toBe(re.exec(text)?.[0] ?? null);
    }
  });
});

describe("limitJsonDepth", () => {
  it("replaces containers nested too deep by null and names the first", () => {
    const r = limitJsonDepth('{"a":[1,{"b":[[["x"]]]}],"c":"]{"}', 4);
    expect(JSON.parse(r.text)).toEqual({ a: [1, { b: [null] }], c: "]{" });
    expect(r.cut).toBe("a[1].b[0]");
  });

  it("passes a document within the limit through untouched", () => {
    const text = '{"a":[{"b":"\\"[{"}]}';
    expect(limitJsonDepth(text, 4)).toEqual({ text, cut: null });
  });

  it("keeps the members after a 2-million-level array", () => {
    const text = `{"handle":"X","entities":${"[".repeat(2_000_000)}${"]".repeat(2_000_000)},"name":"N"}`;
    const r = limitJsonDepth(text, 64);
    expect(JSON.parse(r.text)).toMatchObject({ handle: "X", name: "N" });
    expect(r.cut).toMatch(/^entities(\[0\])+$/);
  });
});
