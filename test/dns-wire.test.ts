import dnsPacket from "dns-packet";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeQuery } from "../src/clients/dns/message.js";
import { normaliseQueryName, readName } from "../src/clients/dns/wire-name.js";
import { HostscanError } from "../src/profile/errors.js";

function badResponse(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HostscanError);
    expect((err as HostscanError).code).toBe("BAD_RESPONSE");
    return (err as Error).message;
  }
  throw new Error("expected BAD_RESPONSE");
}

describe("wire names", () => {
  it("refuses forward pointers, unknown label types and names over 255 octets", () => {
    expect(
      badResponse(() => readName(Uint8Array.from([0xc0, 0x05, 0, 0, 0, 1, 0x61, 0]), 0)),
    ).toMatch(/pointer/);
    expect(badResponse(() => readName(Uint8Array.from([0x41, 0x61, 0]), 0))).toMatch(/label type/);
    const long = Buffer.concat(
      [...Array(5)].map(() => Buffer.from([63, ...Buffer.alloc(63, 0x61)])),
    );
    expect(badResponse(() => readName(Buffer.concat([long, Buffer.from([0])]), 0))).toMatch(/255/);
  });

  it("follows a backward pointer and gives the end after the pointer", () => {
    const msg = Uint8Array.from([3, 0x6f, 0x72, 0x67, 0, 1, 0x61, 0xc0, 0x00]);
    expect(readName(msg, 5)).toEqual({ name: "a.org", end: 9 });
    expect(readName(Uint8Array.from([0]), 0)).toEqual({ name: ".", end: 1 });
  });

  it("normalises names to ask and refuses the ones that cannot be asked", () => {
    expect(normaliseQueryName("WWW.Example.ORG.")).toBe("www.example.org");
    expect(normaliseQueryName("_dmarc.example.org")).toBe("_dmarc.example.org");
    for (const bad of [
      "",
      ".",
      "a..b",
      "ev\\027il.example",
      "sp ace.example",
      `${"a".repeat(64)}.example`,
      "é.example",
    ]) {
      expect(normaliseQueryName(bad)).toBeNull();
    }
  });
});

describe("messages", () => {
  it("encodes a recursive query with an EDNS0 OPT of 1232 bytes", () => {
    const q = dnsPacket.decode(encodeQuery(4242, "example.org", "MX"));
    expect(q.id).toBe(4242);
    expect(q.flag_rd).toBe(true);
    expect(q.questions).toEqual([{ name: "example.org", type: "MX", class: "IN" }]);
    expect(q.additionals?.[0]).toMatchObject({ type: "OPT", udpPayloadSize: 1232 });
  });

  it("refuses a message shorter than a header or with a record cut short", () => {
    expect(badResponse(() => decodeMessage(Uint8Array.from([0, 1, 0x80])))).toMatch(/header/);
    const reply = dnsPacket.encode({
      type: "response",
      id: 1,
      questions: [{ name: "a.example", type: "MX" }],
      answers: [
        {
          name: "a.example",
          type: "MX",
          ttl: 1,
          data: { preference: 1, exchange: "mx.a.example" },
        },
      ],
    });
    expect(decodeMessage(reply).answers[0]?.data).toEqual({
      preference: 1,
      exchange: "mx.a.example",
    });
    expect(() => decodeMessage(reply.subarray(0, reply.length - 4))).toThrow(HostscanError);
  });
});
