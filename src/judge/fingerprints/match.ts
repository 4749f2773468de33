import type { CompiledTechnology, NamedRule } from "./compile.js";
import { type Pattern, resolveVersion } from "./pattern.js";
import type { PageSignals } from "./signals.js";

/** What one technology's rules found on a page. */
export interface Detection {
  tech: CompiledTechnology;
  /** Sum of the matched patterns' confidences (capped at 100 later). */
  confidence: number;
  versions: string[];
  /** True when every match came from a script on another registrable domain. */
  thirdPartyOnly: boolean;
  /** The kinds of rule that matched ("headers", "html", "dns", …), each once. */
  via: SignalKind[];
}

/** A kind of fingerprint rule, named as the dataset names it. */
export type SignalKind =
  | "headers"
  | "cookies"
  | "meta"
  | "dns"
  | "url"
  | "certIssuer"
  | "html"
  | "scriptSrc";

// Tests one pattern against values; the first match counts (each pattern counts once).
function firstMatch(p: Pattern, values: readonly string[]): RegExpExecArray | null {
  if (!p.regex) return null;
  for (const v of values) {
    const m = p.regex.exec(v);
    if (m) return m;
  }
  return null;
}

function namedValues(rule: NamedRule, map: Record<string, string | string[]>): string[] {
  if (rule.nameRegex) {
    const re = rule.nameRegex;
    return Object.entries(map).flatMap(([k, v]) => (re.test(k) ? ([] as string[]).concat(v) : []));
  }
  const v = map[rule.name];
  return v === undefined ? [] : ([] as string[]).concat(v);
}

/** Runs one technology's rules over the page; null when nothing matched. */
export function matchTechnology(tech: CompiledTechnology, s: PageSignals): Detection | null {
  let confidence = 0;
  let firstParty = false;
  let thirdParty = false;
  const versions: string[] = [];
  const via = new Set<SignalKind>();
  const hit = (kind: SignalKind, p: Pattern, m: RegExpExecArray, fromThirdParty = false) => {
    confidence += p.confidence;
    via.add(kind);
    const v = resolveVersion(p.version, m);
    if (v) versions.push(v);
    if (fromThirdParty) thirdParty = true;
    else firstParty = true;
  };
  const named = (kind: SignalKind, rules: NamedRule[], map: Record<string, string | string[]>) => {
    for (const rule of rules) {
      const values = namedValues(rule, map);
      if (values.length === 0) continue;
      for (const p of rule.patterns) {
        const m = firstMatch(p, values);
        if (m) hit(kind, p, m);
      }
    }
  };
  named("headers", tech.headers, s.headers);
  named("cookies", tech.cookies, s.cookies);
  named("meta", tech.meta, s.meta);
  named("dns", tech.dns, s.dns);
  const plain = (kind: SignalKind, patterns: Pattern[], values: string[]) => {
    for (const p of patterns) {
      const m = firstMatch(p, values);
      if (m) hit(kind, p, m);
    }
  };
  if (s.url) plain("url", tech.url, [s.url]);
  if (s.certIssuer) plain("certIssuer", tech.certIssuer, [s.certIssuer]);
  for (const p of tech.html) {
    // The literal first: a pattern's regex is built only when the page could match it.
    if ((p.literal && !s.htmlLower.includes(p.literal)) || !p.regex) continue;
    const m = p.regex.exec(s.html);
    if (m) hit("html", p, m);
  }
  for (const p of tech.scriptSrc) {
    if ((p.literal && !s.scriptsLower.includes(p.literal)) || !p.regex) continue;
    let matched: RegExpExecArray | null = null;
    let fromFirstParty = false;
    for (const script of s.scripts) {
      const m = p.regex.exec(script.src);
      if (!m) continue;
      matched ??= m;
      if (!script.thirdParty) {
        matched = m;
        fromFirstParty = true;
        break;
      }
    }
    if (matched) hit("scriptSrc", p, matched, !fromFirstParty);
  }
  if (!firstParty && !thirdParty) return null;
  return { tech, confidence, versions, thirdPartyOnly: !firstParty, via: [...via] };
}
