import type { PackedPattern, PackedTechnology } from "./dataset.js";
import { compilePattern, type Pattern, parsePattern } from "./pattern.js";

/** Rules keyed by a name (header, cookie, meta, DNS record type); cookie names may be regexes. */
export interface NamedRule {
  name: string;
  /** For cookie names written as regexes (Drupal's "SESS[a-f0-9]{32}"). */
  nameRegex: RegExp | null;
  patterns: Pattern[];
}

/** A technology ready for matching: every rule parsed once (each regex built on first use). */
export interface CompiledTechnology {
  name: string;
  categories: string[];
  headers: NamedRule[];
  cookies: NamedRule[];
  meta: NamedRule[];
  dns: NamedRule[];
  html: Pattern[];
  scriptSrc: Pattern[];
  url: Pattern[];
  certIssuer: Pattern[];
  implies: { name: string; confidence: number }[];
  excludes: string[];
  requires: string[];
  requiresCategory: string[];
  /** The dataset's `saas` and `oss` flags (absent = false). */
  saas: boolean;
  oss: boolean;
}

// Shared by every technology without such rules (most have only a few kinds): never mutated.
const NONE: never[] = [];

function compileList(v: PackedPattern[] | undefined, html = false): Pattern[] {
  return v === undefined ? NONE : v.map((p) => compilePattern(p, { html }));
}

/** A cookie name written as a regex, as the matcher tests it (null: a plain name). */
export function cookieNameRegex(name: string): RegExp | null {
  if (!/[[\]()*+?{}|^$\\]/.test(name)) return null;
  try {
    return new RegExp(`^(?:${name})$`, "i");
  } catch {
    return null;
  }
}

function compileNamed(
  v: Record<string, PackedPattern[]> | undefined,
  regexNames = false,
): NamedRule[] {
  if (v === undefined) return NONE;
  return Object.entries(v).map(([name, patterns]) => ({
    name: name.toLowerCase(),
    nameRegex: regexNames ? cookieNameRegex(name) : null,
    patterns: compileList(patterns),
  }));
}

/** One technology of the shipped file, compiled (its regexes still built on first use). */
export function compileTechnology(
  name: string,
  raw: PackedTechnology,
  categories: Record<string, string>,
): CompiledTechnology {
  const catNames = (ids: number[] | undefined) =>
    ids === undefined
      ? NONE
      : ids.map((id) => categories[String(id)]).filter((c): c is string => !!c);
  return {
    name,
    categories: catNames(raw.cats),
    headers: compileNamed(raw.headers),
    cookies: compileNamed(raw.cookies, true),
    meta: compileNamed(raw.meta),
    dns: raw.dns ? compileNamed(raw.dns).map((r) => ({ ...r, name: r.name.toUpperCase() })) : NONE,
    html: compileList(raw.html, true),
    scriptSrc: compileList(raw.scriptSrc),
    url: compileList(raw.url),
    certIssuer: compileList(raw.certIssuer),
    implies: (raw.implies ?? NONE).map((text) => {
      const p = parsePattern(text);
      return { name: p.source, confidence: p.confidence };
    }),
    excludes: (raw.excludes ?? NONE).map((t) => t.split("\\;")[0] as string),
    requires: (raw.requires ?? NONE).map((t) => t.split("\\;")[0] as string),
    requiresCategory: catNames(raw.requiresCategory),
    saas: raw.saas === true,
    oss: raw.oss === true,
  };
}

/** True when the technology has a rule hostscan evaluates (else it is only ever implied). */
export function hasRules(t: CompiledTechnology): boolean {
  return (
    t.headers.length +
      t.cookies.length +
      t.meta.length +
      t.dns.length +
      t.html.length +
      t.scriptSrc.length +
      t.url.length +
      t.certIssuer.length >
    0
  );
}
