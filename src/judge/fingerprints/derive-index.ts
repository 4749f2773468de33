import type { Keyed, PackedIndex, PackedRoute } from "./dataset.js";
import { filingOf } from "./literal-index.js";
import type { Pattern } from "./pattern.js";
import { type CompiledTechnology, hasRules, type NamedRule } from "./technology.js";

// Derives the literal index from compiled technologies: at build time for the shipped file, at
// run time only for a subset (--passive) or a test's own data. A technology is its position.

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

// Appends to a keyed list through its lookup map, once per technology in a row.
function adder<T>(list: Keyed<T>) {
  const byKey = new Map<string, T[]>();
  return (key: string, value: T, same: (a: T) => boolean = (a) => a === value) => {
    const values = byKey.get(key);
    if (!values) {
      const fresh = [value];
      byKey.set(key, fresh);
      list.push([key, fresh]);
    } else if (!same(values[values.length - 1] as T)) values.push(value);
  };
}

// The literals one of which any match of the pattern holds; null when none can be shown.
const literalsOf = (p: Pattern) => (p.literal ? [p.literal] : p.anyOf);

// The literals one of which a match of any of the patterns holds: null = unknown, [] = none can match.
function unionOf(patterns: Pattern[]): string[] | null {
  const out = new Set<string>();
  for (const p of patterns) {
    const literals = literalsOf(p);
    if (!literals) return null;
    for (const l of literals) out.add(l);
  }
  return [...out];
}

// The literals of html/script rules the index does not list (those without one required
// literal); "bare" when some rule has none at all. Builds those rules' regexes: a dropped one
// must not make its technology run on every page.
function unlistedLiterals(patterns: Pattern[]): string[] | "bare" {
  return unionOf(patterns.filter((p) => !p.literal && p.regex)) ?? "bare";
}

/** The index over the technologies (position = id); those without rules are skipped. */
export function deriveIndex(technologies: CompiledTechnology[]): PackedIndex {
  const index: PackedIndex = {
    always: [],
    headers: [],
    cookies: [],
    meta: [],
    htmlLiterals: [],
    scriptLiterals: [],
    routes: {
      headers: [],
      cookies: [],
      meta: [],
      dns: [],
      cookieNames: [],
      url: [],
      certIssuer: [],
      bareHtml: [],
      bareScripts: [],
      inherited: [],
      htmlExtra: [],
      scriptExtra: [],
      htmlFiling: [],
      scriptFiling: [],
    },
  };
  const r = index.routes;
  const key = {
    headers: adder(index.headers),
    cookies: adder(index.cookies),
    meta: adder(index.meta),
    html: adder(index.htmlLiterals),
    scripts: adder(index.scriptLiterals),
  };
  const route = {
    headers: adder(r.headers),
    cookies: adder(r.cookies),
    meta: adder(r.meta),
    dns: adder(r.dns),
  };
  const routeTo = (id: number, patterns: Pattern[]): PackedRoute | null =>
    patterns.length === 0 ? null : [id, unionOf(patterns)];
  const named = (add: (typeof route)["dns"], id: number, rules: NamedRule[]) => {
    for (const rule of rules) {
      if (INHERITED.has(rule.name)) r.inherited.push(id);
      const found = routeTo(id, rule.patterns);
      if (found) add(rule.name, found, () => false);
    }
  };
  technologies.forEach((t, id) => {
    if (!hasRules(t)) return;
    let always = t.dns.length + t.url.length + t.certIssuer.length > 0;
    for (const rule of t.headers) key.headers(rule.name, id);
    for (const rule of t.meta) key.meta(rule.name, id);
    for (const rule of t.cookies) {
      if (rule.nameRegex) always = true;
      else key.cookies(rule.name, id);
    }
    // Only literal-less patterns have their regex built here (a dropped one selects nothing).
    for (const p of t.html) {
      if (p.literal) key.html(p.literal, id);
      else if (p.regex) always = true;
    }
    for (const p of t.scriptSrc) {
      if (p.literal) key.scripts(p.literal, id);
      else if (p.regex) always = true;
    }
    if (always) index.always.push(id);
    named(route.headers, id, t.headers);
    named(route.meta, id, t.meta);
    named(route.dns, id, t.dns);
    named(
      route.cookies,
      id,
      t.cookies.filter((c) => !c.nameRegex),
    );
    for (const c of t.cookies)
      if (c.nameRegex && c.patterns.length > 0) r.cookieNames.push([id, c.nameRegex.source]);
    const url = routeTo(id, t.url);
    if (url) r.url.push(url);
    const cert = routeTo(id, t.certIssuer);
    if (cert) r.certIssuer.push(cert);
    const html = unlistedLiterals(t.html);
    if (html === "bare") r.bareHtml.push(id);
    else for (const l of html) r.htmlExtra.push([l, id]);
    const scripts = unlistedLiterals(t.scriptSrc);
    if (scripts === "bare") r.bareScripts.push(id);
    else for (const l of scripts) r.scriptExtra.push([l, id]);
  });
  const literals = (listed: Keyed<number>, extra: [string, number][]) => [
    ...listed.map(([literal]) => literal),
    ...extra.map(([literal]) => literal),
  ];
  r.htmlFiling = filingOf(literals(index.htmlLiterals, r.htmlExtra));
  r.scriptFiling = filingOf(literals(index.scriptLiterals, r.scriptExtra));
  return index;
}
