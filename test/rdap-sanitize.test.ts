import { describe, expect, it } from "vitest";
import { cleanIanaId, cleanPhone, cleanText } from "../src/clients/rdap/sanitize.js";

describe("registry values written by strangers", () => {
  it("keeps real phone numbers as published", () => {
    for (const tel of [
      "+1.2086851750",
      "+61 7 3858 3100",
      "+1-650-253-0000",
      "+1.5555555555 x123",
    ]) {
      expect(cleanPhone(tel)).toBe(tel);
    }
    expect(cleanPhone("tel:+47.22943333")).toBe("+47.22943333");
    expect(cleanPhone("tel:+1.7035551234;ext=42")).toBe("+1.7035551234;ext=42");
  });

  it("refuses text posing as a phone number or an IANA ID", () => {
    expect(cleanPhone("C1\u009b31mRED 0;t")).toBeNull();
    expect(cleanPhone("call abuse@evil.example 555")).toBeNull();
    expect(cleanPhone("DATA REDACTED;ext=DATA REDACTED")).toBeNull();
    expect(cleanIanaId("9999Evil ]0;pwned")).toBeNull();
    expect(cleanIanaId("292")).toBe("292");
  });

  it("turns every Bidi_Control character into a space", () => {
    expect(cleanText("a\u061cb\u200fc\u202ed")).toBe("a b c d");
  });
});
