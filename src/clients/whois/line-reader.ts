// One WHOIS line into a key and a value, for every key style registries use: "key: value"
// (with dot or space padding: "created............:", "Last modified :"), JPRS brackets
// ("a. [Domain Name]   X"), NIC.tr stars ("** Domain Name: x"), TWNIC's "Record created on X".
// Lines are bounded before any pattern runs, and no pattern has adjacent unbounded quantifiers.

/** Longest line read; registry lines are far shorter, legal text is not needed whole. */
export const MAX_LINE = 500;
/** Longest key; a longer "key" is prose that happens to hold a colon. */
const MAX_KEY = 60;

/** A line read as a key and its value ("" when the value is on the following lines). */
export interface KeyLine {
  key: string;
  value: string;
  /** JPRS bracket keys: an empty value is an empty field, never a heading. */
  bracket: boolean;
}

const JPRS = /^(?:[a-z]\. )?\[([^\]\s][^\]]{0,59})\](.*)$/;
const STARS = /^\*\* ?([^:]{1,60}):(.*)$/;
const RECORD_ON = /^(record (?:created|expires|last updated) on) (\S+)/i;

/** Drops trailing characters from `chars` (a loop, not /[ .]+$/, which backtracks per start). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Lower-case key with single spaces. */
function normaliseKey(key: string): string {
  return trimEnd(key, " .\t").trim().toLowerCase().split(/\s+/).join(" ");
}

/** Reads one trimmed, bounded line as a key and value, or null when it is not one. */
export function readKeyLine(line: string): KeyLine | null {
  let m = JPRS.exec(line);
  if (m) return { key: normaliseKey(m[1]!), value: m[2]!.trim(), bracket: true };
  m = STARS.exec(line);
  if (m) return { key: normaliseKey(m[1]!), value: m[2]!.trim(), bracket: false };
  m = RECORD_ON.exec(line);
  if (m) return { key: normaliseKey(m[1]!), value: m[2]!, bracket: false };
  const colon = line.indexOf(":");
  if (colon < 1 || colon > MAX_KEY + 40) return null;
  const key = normaliseKey(line.slice(0, colon));
  // A key starts with a letter and is short; "https" before "://" is a URL, not a key.
  if (!key || key.length > MAX_KEY || !/^[a-z\u00c0-\uffff]/.test(key)) return null;
  // "ns1.example.eu (2001:db8::53)", "ns.example 192.0.2.1 2001:db8::1": a host, not a key
  if (key.includes("[") || key.includes("(") || /[a-z0-9]\.[a-z0-9]/.test(key)) return null;
  if (line.startsWith("://", colon)) return null;
  return { key, value: line.slice(colon + 1).trim(), bracket: false };
}

/** True for lines that carry no data: comments, banners, rulers. */
export function isNoise(line: string): boolean {
  return (
    /^[%#]/.test(line) ||
    line.startsWith(">>>") ||
    line.startsWith("--") ||
    (line.startsWith("*") && !line.startsWith("**")) ||
    /^\[ /.test(line)
  );
}
