// Wappalyzer pattern strings: "regex\;version:\1\;confidence:50"
// (https://github.com/enthec/webappanalyzer#patterns), compiled defensively for hostile pages.
import { boundQuantifiers, requiredLiteral } from "./regex-guard.js";

/** A compiled pattern: the regex (null = never matches), its version template and confidence. */
export interface Pattern {
  regex: RegExp | null;
  version: string | null;
  confidence: number;
  /** The regex source before rewriting, for evidence and debugging. */
  source: string;
  /** Text every match contains (lower-cased): the regex runs only where it occurs. */
  literal: string | null;
  /** Why the regex was dropped: "nested-quantifier" (catastrophic backtracking risk) or "invalid". */
  skipped?: "nested-quantifier" | "invalid";
}

/** Parses and compiles one pattern string; never throws (a bad regex compiles to null). */
export function compilePattern(text: string, options: { html?: boolean } = {}): Pattern {
  const [regexText = "", ...tags] = text.split("\\;");
  let version: string | null = null;
  let confidence = 100;
  for (const tag of tags) {
    const colon = tag.indexOf(":");
    const key = colon === -1 ? tag : tag.slice(0, colon);
    const value = colon === -1 ? "" : tag.slice(colon + 1);
    if (key === "version") version = value;
    else if (key === "confidence" && Number.isFinite(Number(value))) confidence = Number(value);
  }
  const base = { version, confidence, source: regexText, literal: requiredLiteral(regexText) };
  const narrowed = options.html ? regexText.replaceAll("[^>]", "[^<>]") : regexText;
  const { source, nested } = boundQuantifiers(narrowed);
  if (nested) return { ...base, regex: null, skipped: "nested-quantifier" };
  try {
    return { ...base, regex: new RegExp(source, "i") };
  } catch {
    return { ...base, regex: null, skipped: "invalid" };
  }
}

/**
 * The version a match yields: `\N` back-references and `\N?a:b` ternaries filled from the match,
 * as Wappalyzer resolves them; over-long captures are ignored (they are not versions).
 */
export function resolveVersion(template: string | null, match: RegExpExecArray): string | null {
  if (!template) return null;
  let resolved = template;
  match.forEach((group, index) => {
    const value = group ?? "";
    if (value.length > 30) return;
    const ternary = new RegExp(`\\\\${index}\\?([^:]*):(.*)$`).exec(resolved);
    if (ternary)
      resolved = resolved.replace(ternary[0], value ? (ternary[1] ?? "") : (ternary[2] ?? ""));
    resolved = resolved.replaceAll(`\\${index}`, value);
  });
  resolved = resolved.replace(/\\\d/g, "").trim();
  return resolved.length > 0 && resolved.length <= 40 ? resolved : null;
}
