// Dates as registries write them (RDAP and WHOIS) into ISO 8601 UTC, or null. Only known
// shapes are read; nothing depends on the machine's time zone: a time without an offset is UTC.
// Every pattern is anchored and has no two adjacent unbounded quantifiers: linear on any input.

/** How a registry writes numeric dates whose first two fields could be day or month. */
export type DateOrder = "day-first" | null;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  sept: 9,
  october: 10,
  november: 11,
  december: 12,
};

// Zone abbreviations registries print, in minutes east of UTC. Ambiguous ones (CST, IST, BST)
// are left out on purpose: an unknown zone makes the date null rather than a guess.
const ZONES: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  ut: 0,
  wet: 0,
  west: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  trt: 180,
  hkt: 480,
  sgt: 480,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  clt: -240,
  clst: -180,
  brt: -180,
};

interface Parts {
  y: number;
  mo: number;
  d: number;
  /** What follows the date: a time and a zone, or nothing. */
  rest: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(.*)$/;
// 2019/09/27, 1999.10.27, and KISA's "2007. 02. 09."
const YMD_SEP = /^(\d{4})([/.]) ?(\d{1,2})\2 ?(\d{1,2})\.?(.*)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?![\d])(.*)$/;
// 29-apr-2005, 31 May 1999, 02-Jan-2020
const D_MON_Y = /^(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ](\d{4})(.*)$/;
// NIC.tr: 2001-Aug-23.
const Y_MON_D = /^(\d{4})-([A-Za-z]{3})-(\d{1,2})\.?(.*)$/;
// September 5 2027, Jun 5, 2027
const MON_D_Y = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(.*)$/;
// ctime: Mar 22 10:00:00 2017 (the weekday already dropped)
const CTIME = /^([A-Za-z]{3}) (\d{1,2}) (\d{1,2}:\d{2}:\d{2}) (\d{4})(.*)$/;
// Day first, only where the registry's convention says so: 26.03.2008, 30/10/2002, 05-06-1999
const DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(.*)$/;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},? /i;

const TIME = /^(?:T| )(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(.*)$/;
const OFFSET = /^ ?([+-])(\d{2})(?::?(\d{2}))?$/;
const GMT_OFFSET = /^ ?[([]?(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?[)\]]?$/i;
const NAMED_ZONE = /^ ?[([]?([A-Za-z]{1,5})[)\]]?$/;

function month(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

function dateParts(text: string, order: DateOrder): Parts | null {
  let m = ISO_DATE.exec(text);
  if (m) return { y: +m[1]!, mo: +m[2]!, d: +m[3]!, rest: m[4]! };
  m = YMD_SEP.exec(text);
  if (m) return { y: +m[1]!, mo: +m[3]!, d: +m[4]!, rest: m[5]! };
  m = COMPACT.exec(text);
  if (m) return { y: +m[1]!, mo: +m[2]!, d: +m[3]!, rest: m[4]! };
  m = Y_MON_D.exec(text);
  if (m) return named(+m[1]!, m[2]!, +m[3]!, m[4]!);
  const plain = text.replace(WEEKDAY, "");
  m = CTIME.exec(plain);
  if (m) return named(+m[4]!, m[1]!, +m[2]!, ` ${m[3]!}${m[5]!}`);
  m = MON_D_Y.exec(plain);
  if (m) return named(+m[3]!, m[1]!, +m[2]!, m[4]!);
  m = D_MON_Y.exec(plain);
  if (m) return named(+m[3]!, m[2]!, +m[1]!, m[4]!);
  m = order === "day-first" ? DMY.exec(text) : null;
  if (m) return { y: +m[4]!, mo: +m[3]!, d: +m[1]!, rest: m[5]! };
  return null;
}

function named(y: number, mon: string, d: number, rest: string): Parts | null {
  const mo = month(mon);
  return mo ? { y, mo, d, rest } : null;
}

/** Minutes east of UTC stated by a zone suffix ("" means UTC), or null for an unknown zone. */
function zoneOffset(zone: string): number | null {
  if (zone === "") return 0;
  let m = OFFSET.exec(zone) ?? GMT_OFFSET.exec(zone);
  if (m) {
    const h = +m[2]!;
    const min = m[3] ? +m[3] : 0;
    if (h > 14 || min > 59) return null;
    return (m[1] === "-" ? -1 : 1) * (h * 60 + min);
  }
  m = NAMED_ZONE.exec(zone);
  const named = m ? ZONES[m[1]!.toLowerCase()] : undefined;
  return named ?? null;
}

/**
 * An ISO 8601 UTC time from a registry's date, or null when the text is not a date in a known
 * shape. `order` is the registry's convention for ambiguous numeric dates (dd.mm.yyyy,
 * dd/mm/yyyy, dd-mm-yyyy): without "day-first" they are null, never guessed.
 */
export function parseRegistryDate(value: unknown, order: DateOrder = null): string | null {
  if (typeof value !== "string") return null;
  // No date is longer: anything else is refused before a pattern runs.
  const trimmed = value.trim();
  if (trimmed.length > 80) return null;
  // Runs of spaces collapse ("September  5 2027", "Wed Mar  5 00:13:49 2025").
  const text = trimmed.split(/\s+/).join(" ");
  const p = dateParts(text, order);
  if (!p) return null;
  let rest = p.rest;
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  const t = TIME.exec(rest);
  if (t) {
    h = +t[1]!;
    mi = +t[2]!;
    s = t[3] ? +t[3] : 0;
    ms = t[4] ? +t[4].padEnd(3, "0").slice(0, 3) : 0;
    rest = t[5]!;
  }
  const offset = zoneOffset(rest);
  if (offset === null) return null;
  if (p.y < 1900 || p.y > 2999 || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const local = Date.UTC(p.y, p.mo - 1, p.d, h, mi, s, ms);
  // 31 February and the like roll over in Date.UTC: a date that does not exist is not one.
  if (new Date(local).getUTCDate() !== p.d) return null;
  return new Date(local - offset * 60_000).toISOString();
}
