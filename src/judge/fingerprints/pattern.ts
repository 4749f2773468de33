// Wappalyzer pattern strings: "regex\;version:\1\;confidence:50"
// (https://github.com/enthec/webappanalyzer#patterns), compiled defensively for hostile pages.
import { anyOfLiterals } from "./alternatives.js";
import type { PackedPattern } from "./dataset.js";
import { boundQuantifiers, requiredLiteral } from "./regex-guard.js";

/** A pattern: its regex (null = never matches, compiled on first use), version and confidence. */
export interface Pattern {
  readonly regex: RegExp | null;
  version: string | null;
  confidence: number;
  /** The regex source before rewriting, for evidence and debugging. */
  source: string;
  /** Text every match contains (lower-cased): the regex runs only where it occurs. */
  literal: string | null;
  /** Without one such text: texts one of which every match contains (null = unknown). */
  anyOf: string[] | null;
  /** Why the regex was dropped: "nested-quantifier" (catastrophic backtracking risk) or "invalid". */
  readonly skipped?: "nested-quantifier" | "invalid";
}

/** A pattern string's parts: the regex text, its `version` template and its confidence. */
export function parsePattern(text: string): {
  source: string;
  version: string | null;
  confidence: number;
} {
  if (!text.includes("\\;")) return { source: text, version: null, confidence: 100 };
  const [source = "", ...tags] = text.split("\\;");
  let version: string | null = null;
  let confidence = 100;
  for (const tag of tags) {
    const colon = tag.indexOf(":");
    const key = colon === -1 ? tag : tag.slice(0, colon);
    const value = colon === -1 ? "" : tag.slice(colon + 1);
    if (key === "version") version = value;
    else if (key === "confidence" && Number.isFinite(Number(value))) confidence = Number(value);
  }
  return { source, version, confidence };
}

// The dataset has ~15,000 patterns and a page needs a few dozen: each RegExp is built (guarded)
// the first time `regex` is read, i.e. when its technology is a candidate whose literal the page
// holds, and kept.
class LazyPattern implements Pattern {
  readonly version: string | null;
  readonly confidence: number;
  readonly source: string;
  readonly literal: string | null;
  readonly anyOf: string[] | null;
  readonly #html: boolean;
  #regex: RegExp | null | undefined = undefined;
  #skipped: "nested-quantifier" | "invalid" | undefined = undefined;

  constructor([text, literal, anyOf]: PackedPattern, html: boolean) {
    const { source, version, confidence } = parsePattern(text);
    this.version = version;
    this.confidence = confidence;
    this.source = source;
    this.literal = literal ?? null;
    this.anyOf = anyOf ?? null;
    this.#html = html;
  }

  get regex(): RegExp | null {
    if (this.#regex === undefined) this.#compile();
    return this.#regex as RegExp | null;
  }

  get skipped(): "nested-quantifier" | "invalid" | undefined {
    if (this.#regex === undefined) this.#compile();
    return this.#skipped;
  }

  #compile(): void {
    const narrowed = this.#html ? this.source.replaceAll("[^>]", "[^<>]") : this.source;
    const { source, nested } = boundQuantifiers(narrowed);
    this.#regex = null;
    if (nested) this.#skipped = "nested-quantifier";
    else {
      try {
        this.#regex = new RegExp(source, "i");
      } catch {
        this.#skipped = "invalid";
      }
    }
  }
}

/** A pattern string with the literals its matches contain, derived once (at build time). */
export function packPattern(text: string): PackedPattern {
  const { source } = parsePattern(text);
  const literal = requiredLiteral(source);
  if (literal) return [text, literal];
  const anyOf = anyOfLiterals(source);
  return anyOf ? [text, null, anyOf] : [text];
}

/** One pattern, packed or as written; never throws (a bad regex reads as null when first used). */
export function compilePattern(
  pattern: string | PackedPattern,
  options: { html?: boolean } = {},
): Pattern {
  const packed = typeof pattern === "string" ? packPattern(pattern) : pattern;
  return new LazyPattern(packed, options.html === true);
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
