import type { CompiledFingerprints, CompiledTechnology, NamedRule } from "./compile.js";
import { type LiteralIndex, literalIndex, valuesIn } from "./literal-index.js";
import type { Pattern } from "./pattern.js";
import type { PageSignals } from "./signals.js";

// Which technologies are worth running the matcher on for one page: those the dataset's index
// selects (as before) that also have a rule whose required literal the page holds (a rule is
// ruled out only when its literal is provably absent, so nothing that matches is lost). They
// come in the order the matcher has always seen them — index.always first, then by header,
// cookie, meta, html and script keys — because an implied technology takes the confidence of
// its first implier. Regexes are built lazily, so a rule here counts as live until it is run (a
// dropped one only adds a candidate that matches nothing); html/script rules without a literal
// were built by the index already and are known exactly.

/** A technology reachable through one kind of rule; literals null = some rule needs none. */
interface Route {
  tech: CompiledTechnology;
  literals: string[] | null;
}

/** What a literal found in the html or script URLs selects; `listed`: one of the index's own. */
interface LiteralHit {
  techs: CompiledTechnology[];
  listed: boolean;
}

interface Routes {
  headers: Map<string, Route[]>;
  cookies: Map<string, Route[]>;
  cookieNames: { tech: CompiledTechnology; nameRegex: RegExp }[];
  meta: Map<string, Route[]>;
  dns: Map<string, Route[]>;
  url: Route[];
  certIssuer: Route[];
  /** html / scriptSrc rules with neither a literal nor alternatives that all have one: they run on
   * every page (html: even an empty one). */
  bareHtml: CompiledTechnology[];
  bareScripts: CompiledTechnology[];
  /** Rules named like an Object.prototype member (the matcher's lookup finds those anyway). */
  inherited: CompiledTechnology[];
  /** The index's html / script literals, then those of rules without one required literal. */
  html: LiteralIndex<LiteralHit>;
  scripts: LiteralIndex<LiteralHit>;
}

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

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

function route(tech: CompiledTechnology, patterns: Pattern[]): Route | null {
  if (patterns.length === 0) return null;
  return { tech, literals: unionOf(patterns) };
}

// The literals of html/script rules the index does not list (those without one required
// literal); "bare" when some rule has none at all.
function unlistedLiterals(patterns: Pattern[]): string[] | "bare" {
  return unionOf(patterns.filter((p) => !p.literal && p.regex)) ?? "bare";
}

function buildRoutes(fp: CompiledFingerprints): Routes {
  const htmlItems: [string, LiteralHit][] = [...fp.index.htmlLiterals].map(([literal, techs]) => [
    literal,
    { techs, listed: true },
  ]);
  const scriptItems: [string, LiteralHit][] = [...fp.index.scriptLiterals].map(
    ([literal, techs]) => [literal, { techs, listed: true }],
  );
  const r: Routes = {
    headers: new Map(),
    cookies: new Map(),
    cookieNames: [],
    meta: new Map(),
    dns: new Map(),
    url: [],
    certIssuer: [],
    bareHtml: [],
    bareScripts: [],
    inherited: [],
    html: literalIndex<LiteralHit>([]),
    scripts: literalIndex<LiteralHit>([]),
  };
  const named = (map: Map<string, Route[]>, t: CompiledTechnology, rules: NamedRule[]) => {
    for (const rule of rules) {
      if (INHERITED.has(rule.name)) r.inherited.push(t);
      const found = route(t, rule.patterns);
      if (!found) continue;
      const list = map.get(rule.name);
      if (list) list.push(found);
      else map.set(rule.name, [found]);
    }
  };
  for (const t of fp.technologies) {
    named(r.headers, t, t.headers);
    named(r.meta, t, t.meta);
    named(r.dns, t, t.dns);
    named(
      r.cookies,
      t,
      t.cookies.filter((c) => !c.nameRegex),
    );
    for (const c of t.cookies)
      if (c.nameRegex && c.patterns.length > 0)
        r.cookieNames.push({ tech: t, nameRegex: c.nameRegex });
    const url = route(t, t.url);
    if (url) r.url.push(url);
    const cert = route(t, t.certIssuer);
    if (cert) r.certIssuer.push(cert);
    const html = unlistedLiterals(t.html);
    if (html === "bare") r.bareHtml.push(t);
    else for (const l of html) htmlItems.push([l, { techs: [t], listed: false }]);
    const scripts = unlistedLiterals(t.scriptSrc);
    if (scripts === "bare") r.bareScripts.push(t);
    else for (const l of scripts) scriptItems.push([l, { techs: [t], listed: false }]);
  }
  r.html = literalIndex(htmlItems);
  r.scripts = literalIndex(scriptItems);
  return r;
}

// Derived once per compiled dataset (the dataset never changes once compiled).
const routesByDataset = new WeakMap<CompiledFingerprints, Routes>();

function routesOf(fp: CompiledFingerprints): Routes {
  let r = routesByDataset.get(fp);
  if (!r) {
    r = buildRoutes(fp);
    routesByDataset.set(fp, r);
  }
  return r;
}

interface Reachable {
  /** Technologies with a rule the page could satisfy (a superset of those that match). */
  may: Set<CompiledTechnology>;
  /** The index's html and script literals the page holds, in index order. */
  html: LiteralHit[];
  scripts: LiteralHit[];
}

function reachable(r: Routes, s: PageSignals): Reachable {
  const may = new Set<CompiledTechnology>(r.inherited);
  const present = (index: LiteralIndex<LiteralHit>, lower: string) => {
    const hits = valuesIn(index, lower);
    for (const h of hits) for (const t of h.techs) may.add(t);
    return hits.filter((h) => h.listed);
  };
  const check = (routes: Route[] | undefined, lower: string) => {
    for (const e of routes ?? [])
      if (!may.has(e.tech) && (!e.literals || e.literals.some((l) => lower.includes(l))))
        may.add(e.tech);
  };
  const named = (map: Map<string, Route[]>, values: Record<string, string | string[]>) => {
    for (const [name, v] of Object.entries(values)) {
      const routes = map.get(name);
      const list = Array.isArray(v) ? v : [v];
      if (routes && list.length > 0) check(routes, list.join("\n").toLowerCase());
    }
  };
  named(r.headers, s.headers);
  named(r.cookies, s.cookies);
  named(r.meta, s.meta);
  named(r.dns, s.dns);
  const cookieNames = Object.keys(s.cookies);
  for (const c of r.cookieNames) if (cookieNames.some((k) => c.nameRegex.test(k))) may.add(c.tech);
  if (s.url) check(r.url, s.url.toLowerCase());
  if (s.certIssuer) check(r.certIssuer, s.certIssuer.toLowerCase());
  for (const t of r.bareHtml) may.add(t);
  const html = s.htmlLower ? present(r.html, s.htmlLower) : [];
  if (s.scripts.length > 0) for (const t of r.bareScripts) may.add(t);
  const scripts = s.scripts.length > 0 ? present(r.scripts, s.scriptsLower) : [];
  return { may, html, scripts };
}

/** The technologies whose rules could match this page, in the matcher's customary order. */
export function candidateTechnologies(
  fp: CompiledFingerprints,
  s: PageSignals,
): CompiledTechnology[] {
  const { may, html, scripts } = reachable(routesOf(fp), s);
  const out: CompiledTechnology[] = [];
  const seen = new Set<CompiledTechnology>();
  const take = (list: CompiledTechnology[] | undefined) => {
    for (const t of list ?? [])
      if (may.has(t) && !seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
  };
  take(fp.index.always);
  for (const name of Object.keys(s.headers)) take(fp.index.headers.get(name));
  for (const name of Object.keys(s.cookies)) take(fp.index.cookies.get(name.toLowerCase()));
  for (const name of Object.keys(s.meta)) take(fp.index.meta.get(name));
  if (s.htmlLower) for (const e of html) take(e.techs);
  if (s.scriptsLower) for (const e of scripts) take(e.techs);
  return out;
}
