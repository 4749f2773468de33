import type { CompiledFingerprints, CompiledTechnology } from "./compile.js";
import type { PackedIndex, PackedRoute } from "./dataset.js";
import { type LiteralIndex, literalIndex, valuesIn } from "./literal-index.js";
import type { PageSignals } from "./signals.js";

// Which technologies are worth running the matcher on for one page: those the dataset's index
// selects (as before) that also have a rule whose required literal the page holds (a rule is
// ruled out only when its literal is provably absent, so nothing that matches is lost). They
// come in the order the matcher has always seen them — index.always first, then by header,
// cookie, meta, html and script keys — because an implied technology takes the confidence of
// its first implier. The routes are derived with the index (derive-index.ts); a dropped regex
// only adds a candidate that matches nothing. Technologies are positions until they are chosen.

/** What a literal found in the html or script URLs selects; `listed`: one of the index's own. */
interface LiteralHit {
  ids: number[];
  listed: boolean;
}

interface Routes {
  headers: Map<string, PackedRoute[]>;
  cookies: Map<string, PackedRoute[]>;
  cookieNames: { id: number; nameRegex: RegExp }[];
  meta: Map<string, PackedRoute[]>;
  dns: Map<string, PackedRoute[]>;
  url: PackedRoute[];
  certIssuer: PackedRoute[];
  /** html / scriptSrc rules with neither a literal nor alternatives that all have one: they run on
   * every page (html: even an empty one). */
  bareHtml: number[];
  bareScripts: number[];
  /** Rules named like an Object.prototype member (the matcher's lookup finds those anyway). */
  inherited: number[];
  /** The index's html / script literals, then those of rules without one required literal (built
   * on the first page that has html / scripts: a page-less run never needs them). */
  html: () => LiteralIndex<LiteralHit>;
  scripts: () => LiteralIndex<LiteralHit>;
  /** How many technologies there are (the size of the per-page marks). */
  count: number;
}

function buildRoutes(packed: PackedIndex, count: number): Routes {
  const r = packed.routes;
  const hits = (listed: [string, number[]][], extra: [string, number][], filing: number[]) => {
    let index: LiteralIndex<LiteralHit> | null = null;
    return () => {
      if (index) return index;
      const items: [string, LiteralHit][] = [
        ...listed.map(([literal, ids]): [string, LiteralHit] => [literal, { ids, listed: true }]),
        ...extra.map(([literal, id]): [string, LiteralHit] => [
          literal,
          { ids: [id], listed: false },
        ]),
      ];
      index = literalIndex(items, filing);
      return index;
    };
  };
  return {
    headers: new Map(r.headers),
    cookies: new Map(r.cookies),
    cookieNames: r.cookieNames.map(([id, source]) => ({ id, nameRegex: new RegExp(source, "i") })),
    meta: new Map(r.meta),
    dns: new Map(r.dns),
    url: r.url,
    certIssuer: r.certIssuer,
    bareHtml: r.bareHtml,
    bareScripts: r.bareScripts,
    inherited: r.inherited,
    html: hits(packed.htmlLiterals, r.htmlExtra, r.htmlFiling),
    scripts: hits(packed.scriptLiterals, r.scriptExtra, r.scriptFiling),
    count,
  };
}

// Derived once per compiled dataset (the dataset never changes once compiled).
const routesByDataset = new WeakMap<CompiledFingerprints, Routes>();

function routesOf(fp: CompiledFingerprints): Routes {
  let r = routesByDataset.get(fp);
  if (!r) {
    r = buildRoutes(fp.packed, fp.byName.size);
    routesByDataset.set(fp, r);
  }
  return r;
}

interface Reachable {
  /** 1 for each technology with a rule the page could satisfy (a superset of those that match). */
  may: Uint8Array;
  /** The index's html and script literals the page holds, in index order. */
  html: LiteralHit[];
  scripts: LiteralHit[];
}

function reachable(r: Routes, s: PageSignals): Reachable {
  const may = new Uint8Array(r.count);
  const mark = (ids: readonly number[]) => {
    for (const id of ids) may[id] = 1;
  };
  mark(r.inherited);
  const present = (index: () => LiteralIndex<LiteralHit>, lower: string) => {
    const hits = valuesIn(index(), lower);
    for (const h of hits) mark(h.ids);
    return hits.filter((h) => h.listed);
  };
  const check = (routes: PackedRoute[] | undefined, lower: string) => {
    for (const [id, literals] of routes ?? [])
      if (may[id] === 0 && (!literals || literals.some((l) => lower.includes(l)))) may[id] = 1;
  };
  const named = (map: Map<string, PackedRoute[]>, values: Record<string, string | string[]>) => {
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
  for (const c of r.cookieNames) if (cookieNames.some((k) => c.nameRegex.test(k))) may[c.id] = 1;
  if (s.url) check(r.url, s.url.toLowerCase());
  if (s.certIssuer) check(r.certIssuer, s.certIssuer.toLowerCase());
  mark(r.bareHtml);
  const html = s.htmlLower ? present(r.html, s.htmlLower) : [];
  if (s.scripts.length > 0) mark(r.bareScripts);
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
  // Taken once each: a technology's mark goes from 1 (may match) to 2 (taken).
  const take = (ids: readonly number[] | undefined) => {
    for (const id of ids ?? [])
      if (may[id] === 1) {
        may[id] = 2;
        out.push(fp.tech(id));
      }
  };
  take(fp.index.always);
  for (const name of Object.keys(s.headers)) take(fp.index.headers.get(name));
  for (const name of Object.keys(s.cookies)) take(fp.index.cookies.get(name.toLowerCase()));
  for (const name of Object.keys(s.meta)) take(fp.index.meta.get(name));
  if (s.htmlLower) for (const e of html) take(e.ids);
  if (s.scriptsLower) for (const e of scripts) take(e.ids);
  return out;
}
