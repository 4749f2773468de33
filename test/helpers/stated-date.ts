// An independent check that a parsed instant is one a WHOIS answer states: some written form
// of its calendar date (at UTC or at an offset or zone the text names) appears in the text,
// and so does its time of day when it has one. Deliberately not built on the parser under test.

const MON = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const ZONES: Record<string, number> = {
  jst: 540,
  kst: 540,
  clst: -180,
  clt: -240,
  eet: 120,
  eest: 180,
  cet: 60,
  cest: 120,
};
const p2 = (n: number) => String(n).padStart(2, "0");

/** Offsets (minutes east of UTC) the text names: numeric ones after a time, and zone names. */
function offsetsIn(text: string): number[] {
  const out = new Set([0]);
  for (const m of text.matchAll(/\d([+-])(\d{2})(?::?(\d{2}))?(?!\d)/g)) {
    out.add((m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)));
  }
  for (const m of text.matchAll(/ ([+-])(\d{2}):(\d{2})/g)) {
    out.add((m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])));
  }
  for (const [zone, off] of Object.entries(ZONES)) {
    if (new RegExp(`\\b${zone}\\b`, "i").test(text)) out.add(off);
  }
  return [...out];
}

/** Every way registries write one calendar date. */
function dateForms(y: number, m: number, d: number): string[] {
  const mm = p2(m);
  const dd = p2(d);
  const mon = MON[m - 1]!;
  return [
    `${y}-${mm}-${dd}`,
    `${y}/${mm}/${dd}`,
    `${y}.${mm}.${dd}`,
    `${y}. ${mm}. ${dd}`,
    `${y}${mm}${dd}`,
    `${dd}.${mm}.${y}`,
    `${d}.${m}.${y}`,
    `${dd}/${mm}/${y}`,
    `${dd}-${mm}-${y}`,
    `${dd}-${mon}-${y}`,
    `${d}-${mon}-${y}`,
    `${y}-${mon}-${dd}`,
    `${d} ${MONTH[m - 1]} ${y}`,
    `${dd} ${mon} ${y}`,
  ];
}

/** True when `iso` is a date the text states. */
export function statedIn(text: string, iso: string): boolean {
  const lower = text.toLowerCase().replace(/[ \t]+/g, " ");
  const instant = Date.parse(iso);
  return offsetsIn(text).some((off) => {
    const w = new Date(instant + off * 60_000);
    const [y, m, d] = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate()];
    const ctime = new RegExp(`${MON[m - 1]} ${d} \\d\\d:\\d\\d:\\d\\d ${y}`);
    const dateFound = dateForms(y, m, d).some((f) => lower.includes(f)) || ctime.test(lower);
    if (!dateFound) return false;
    const [h, mi, s] = [w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds()];
    if (h === 0 && mi === 0 && s === 0) return true;
    // The time must be written, and the zone written after it must be this offset.
    const times = [`${p2(h)}:${p2(mi)}:${p2(s)}`, ` ${h}:${p2(mi)}:${p2(s)}`];
    return times.some((t) => {
      for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
        if (zoneAfter(lower.slice(i + t.length, i + t.length + 20)) === off) return true;
      }
      return false;
    });
  });
}

/** The offset a zone written right after a time states (none, or a word that is no zone: UTC). */
function zoneAfter(rest: string): number {
  const tail = rest.replace(/^[.,]\d+/, "");
  const num = /^ ?([+-])(\d{2})(?::?(\d{2}))?(?!\d)/.exec(tail);
  if (num) return (num[1] === "-" ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  const gmt = /^ ?\(?(?:gmt|utc)([+-])(\d{1,2})(?::(\d{2}))?\)?/.exec(tail);
  if (gmt) return (gmt[1] === "-" ? -1 : 1) * (Number(gmt[2]) * 60 + Number(gmt[3] ?? 0));
  const named = /^ ?[([]?([a-z]{1,5})\b/.exec(tail);
  return named ? (ZONES[named[1]!] ?? 0) : 0;
}
