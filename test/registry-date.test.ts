import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { parseRegistryDate } from "../src/util/registry-date.js";

const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** The wall-clock fields of `ms` as seen at `offsetMin` minutes east of UTC. */
function wall(ms: number, offsetMin = 0) {
  const d = new Date(ms + offsetMin * 60_000);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    wd: d.getUTCDay(),
  };
}
const hms = (w: ReturnType<typeof wall>) => `${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}`;
const offsetText = (min: number, colon: boolean) =>
  `${min < 0 ? "-" : "+"}${p2(Math.floor(Math.abs(min) / 60))}${colon ? ":" : ""}${p2(Math.abs(min) % 60)}`;

// Whole seconds between 1985 and 2099 (registries print seconds at most).
const instant = fc
  .integer({ min: Date.UTC(1985, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 })
  .map((s) => s * 1000);
const midnight = fc
  .integer({ min: Date.UTC(1985, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
  .map((d) => d * 86_400_000);
const offset = fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => q * 15);
const iso = (ms: number) => new Date(ms).toISOString();

describe("registry dates: parse(format(d)) = d in every format", () => {
  it("ISO 8601 / RFC 3339 with Z, milliseconds, offsets with and without colon", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 999 }), (ms, frac) => {
        expect(parseRegistryDate(iso(ms + frac))).toBe(iso(ms + frac));
      }),
    );
    fc.assert(
      fc.property(instant, offset, fc.boolean(), fc.boolean(), (ms, off, colon, space) => {
        const w = wall(ms, off);
        const text = `${w.y}-${p2(w.mo)}-${p2(w.d)}${space ? " " : "T"}${hms(w)}${offsetText(off, colon)}`;
        expect(parseRegistryDate(text)).toBe(iso(ms));
      }),
    );
  });

  it("no offset means UTC, and so do UTC, GMT and (GMT+0:00)", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom("", " UTC", " GMT", " (GMT+0:00)", "Z"), (ms, zone) => {
        const w = wall(ms);
        expect(parseRegistryDate(`${w.y}-${p2(w.mo)}-${p2(w.d)} ${hms(w)}${zone}`)).toBe(iso(ms));
      }),
    );
  });

  it("JPRS yyyy/mm/dd hh:mm:ss (JST), .pl yyyy.mm.dd, KISA 'yyyy. mm. dd.'", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const jst = wall(ms, 540);
        expect(parseRegistryDate(`${jst.y}/${p2(jst.mo)}/${p2(jst.d)} ${hms(jst)} (JST)`)).toBe(
          iso(ms),
        );
        const w = wall(ms);
        expect(parseRegistryDate(`${w.y}.${p2(w.mo)}.${p2(w.d)} ${hms(w)}`)).toBe(iso(ms));
      }),
    );
    fc.assert(
      fc.property(midnight, (ms) => {
        const w = wall(ms);
        expect(parseRegistryDate(`${w.y}/${p2(w.mo)}/${p2(w.d)}`)).toBe(iso(ms));
        expect(parseRegistryDate(`${w.y}. ${p2(w.mo)}. ${p2(w.d)}.`)).toBe(iso(ms));
      }),
    );
  });

  it("yyyymmdd (registro.br, nic.at with a time)", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const w = wall(ms);
        const day = `${w.y}${p2(w.mo)}${p2(w.d)}`;
        expect(parseRegistryDate(`${day} ${hms(w)}`)).toBe(iso(ms));
        expect(parseRegistryDate(day)).toBe(iso(Date.UTC(w.y, w.mo - 1, w.d)));
      }),
    );
  });

  it("named months: dd-mon-yyyy, yyyy-Mon-dd., d Month yyyy, Month d yyyy, ctime, RFC 2822", () => {
    fc.assert(
      fc.property(midnight, fc.boolean(), (ms, upper) => {
        const w = wall(ms);
        const mon = upper ? MON[w.mo - 1]!.toUpperCase() : MON[w.mo - 1]!.toLowerCase();
        expect(parseRegistryDate(`${p2(w.d)}-${mon}-${w.y}`)).toBe(iso(ms));
        expect(parseRegistryDate(`${w.y}-${MON[w.mo - 1]}-${p2(w.d)}.`)).toBe(iso(ms));
        expect(parseRegistryDate(`${w.d} ${MONTH[w.mo - 1]} ${w.y}`)).toBe(iso(ms));
        expect(parseRegistryDate(`${MONTH[w.mo - 1]} ${String(w.d).padStart(2, " ")} ${w.y}`)).toBe(
          iso(ms),
        );
      }),
    );
    fc.assert(
      fc.property(instant, (ms) => {
        const w = wall(ms);
        const ctime = `${DAY[w.wd]} ${MON[w.mo - 1]} ${String(w.d).padStart(2, " ")} ${hms(w)} ${w.y}`;
        expect(parseRegistryDate(ctime)).toBe(iso(ms));
        const rfc2822 = `${DAY[w.wd]}, ${p2(w.d)} ${MON[w.mo - 1]} ${w.y} ${hms(w)} UTC`;
        expect(parseRegistryDate(rfc2822)).toBe(iso(ms));
        expect(parseRegistryDate(`${p2(w.d)}-${MON[w.mo - 1]}-${w.y} ${hms(w)} UTC`)).toBe(iso(ms));
      }),
    );
  });

  it("day-first numeric dates with the registry's convention; null without one", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(".", "/", "-"), fc.boolean(), (ms, sep, pad) => {
        const w = wall(ms);
        const f = (n: number) => (pad ? p2(n) : String(n));
        const text = `${f(w.d)}${sep}${f(w.mo)}${sep}${w.y} ${hms(w)}`;
        expect(parseRegistryDate(text, "day-first")).toBe(iso(ms));
        expect(parseRegistryDate(text)).toBeNull();
      }),
    );
  });

  it("named zones registries print: CLST, EET, KST", () => {
    expect(parseRegistryDate("2002-10-22 17:48:23 CLST")).toBe("2002-10-22T20:48:23.000Z");
    expect(parseRegistryDate("17.4.2019 8:46:14 (EET)", "day-first")).toBe(
      "2019-04-17T06:46:14.000Z",
    );
    expect(parseRegistryDate("2024/10/01 01:00:44 (JST)")).toBe("2024-09-30T16:00:44.000Z");
  });
});

describe("registry dates: right or null", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("regression: the year of dd-mon-yyyy and dd-mm-yyyy is never read as an offset (2001)", () => {
    expect(parseRegistryDate("29-apr-2005")).toBe("2005-04-29T00:00:00.000Z");
    expect(parseRegistryDate("11-07-2020")).toBeNull();
    expect(parseRegistryDate("11-07-2020", "day-first")).toBe("2020-07-11T00:00:00.000Z");
    expect(parseRegistryDate("10.03.2021", "day-first")).toBe("2021-03-10T00:00:00.000Z");
  });

  it("a date-time without an offset gives the same instant in every machine time zone", () => {
    const seen = new Set<string | null>();
    for (const zone of ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Chatham"]) {
      process.env.TZ = zone;
      seen.add(parseRegistryDate("2008-08-18T13:19:55"));
      seen.add(parseRegistryDate("18-Aug-2008"));
    }
    expect([...seen].sort()).toEqual(["2008-08-18T00:00:00.000Z", "2008-08-18T13:19:55.000Z"]);
  });

  it("dates that do not exist, unknown zones and prose are null", () => {
    for (const text of [
      "2019-02-29",
      "2019-13-01",
      "2019-04-31T10:00:00Z",
      "2019-01-01T24:00:00Z",
      "2019-01-01T10:60:00Z",
      "2019-01-01 10:00:00 CST",
      "2019-01-01T10:00:00+25:00",
      "before Aug-1996",
      "Not Disclosed - Visit www.internet.ee for webbased WHOIS",
      "1800-01-01",
      "",
      "20190101123",
    ]) {
      expect(parseRegistryDate(text), text).toBeNull();
    }
    expect(parseRegistryDate(20190101)).toBeNull();
    expect(parseRegistryDate(null)).toBeNull();
  });

  it("any text: never throws, gives null or an ISO instant, in bounded time", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const out = parseRegistryDate(text, "day-first");
        expect(out === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(out)).toBe(
          true,
        );
      }),
    );
    const hostile = `2019-01-01${" ".repeat(100_000)}x`;
    expect(parseRegistryDate(hostile)).toBeNull();
    expect(parseRegistryDate("9".repeat(100_000))).toBeNull();
  });
});
