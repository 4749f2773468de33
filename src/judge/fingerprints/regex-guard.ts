// Defences for running thousands of third-party regexes over hostile 1 MiB pages.
//
// 1. Unbounded quantifiers (+, *, {n,}) are rewritten to {n,QUANTIFIER_LIMIT}: a pattern's work
//    per start position is then bounded (polynomial in the limit instead of in the page).
// 2. Repeated groups that hold repeats and are not delimited by a literal ((a+)+, (\w*\s?)*) are
//    refused outright: the shape behind exponential backtracking.
// 3. Each pattern's longest required literal is extracted so a cheap `includes` skips the regex
//    on pages that cannot match (the common case for ~15,000 patterns).
// 4. `html` rules run on a bounded slice of the page (see signals.ts), with `[^>]` narrowed to
//    `[^<>]` so a run of "<" characters cannot make every tag-shaped pattern scan far ahead.

/** Longest run an unbounded quantifier (+, *, {n,}) may take after rewriting. */
export const QUANTIFIER_LIMIT = 500;

const CLASS_ESCAPES = new Set([..."dDwWsSbBnrtfv0123456789uxckpP"]);

interface Branch {
  /** The branch's first and last atoms when they are single literal characters. */
  first: string | null;
  last: string | null;
  atoms: number;
}

interface Frame {
  /** Sources of every repeated atom inside the group (nested groups included). */
  repeated: string[];
  branches: Branch[];
}

const newBranch = (): Branch => ({ first: null, last: null, atoms: 0 });

// A repeated group is unambiguous when every branch starts, or every branch ends, with a literal
// character that none of the group's repeated atoms can match: `(?:\.\d+)+`, `(?:\d+\.)+`.
function delimited(frame: Frame): boolean {
  const matchesAny = (c: string) =>
    frame.repeated.some((atom) => {
      try {
        return new RegExp(`^(?:${atom})$`, "i").test(c);
      } catch {
        return true;
      }
    });
  const okAll = (pick: (b: Branch) => string | null) =>
    frame.branches.every((b) => {
      const c = pick(b);
      return c !== null && !matchesAny(c);
    });
  return okAll((b) => b.first) || okAll((b) => b.last);
}

/**
 * Rewrites unbounded quantifiers to `{n,QUANTIFIER_LIMIT}` and reports a repeated group holding
 * repeats whose iterations can split the same text in many ways — the shape behind exponential
 * backtracking ((a+)+, (\w*\s?)*). Groups delimited by a literal the inner repeats cannot match
 * are fine. Bounding keeps every remaining pattern's work per start position linear in the limit.
 */
export function boundQuantifiers(
  src: string,
  limit = QUANTIFIER_LIMIT,
): { source: string; nested: boolean } {
  let out = "";
  let nested = false;
  const stack: Frame[] = [{ repeated: [], branches: [newBranch()] }];
  let lastAtom: { source: string; closed: Frame | null } | null = null;
  const top = () => stack[stack.length - 1] as Frame;
  const branch = () => top().branches[top().branches.length - 1] as Branch;
  const atom = (source: string, literal: string | null, closed: Frame | null = null) => {
    const b = branch();
    if (b.atoms === 0) b.first = literal;
    b.last = literal;
    b.atoms++;
    lastAtom = { source, closed };
  };
  const repeat = () => {
    const b = branch();
    if (b.atoms === 1) b.first = null;
    b.last = null;
    if (lastAtom?.closed) {
      if (lastAtom.closed.repeated.length > 0 && !delimited(lastAtom.closed)) nested = true;
    } else if (lastAtom) top().repeated.push(lastAtom.source);
    lastAtom = null;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (ch === "\\") {
      const next = src[i + 1] ?? "";
      out += ch + next;
      i++;
      atom(ch + next, CLASS_ESCAPES.has(next) ? null : next);
    } else if (ch === "[") {
      let j = i + 1;
      if (src[j] === "^") j++;
      while (j < src.length && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
      out += src.slice(i, j + 1);
      atom(src.slice(i, j + 1), null);
      i = j;
    } else if (ch === "(") {
      stack.push({ repeated: [], branches: [newBranch()] });
      const prefix = /^\?(?:[:=!]|<[=!]|<[A-Za-z_]\w*>)/.exec(src.slice(i + 1))?.[0] ?? "";
      out += ch + prefix;
      i += prefix.length;
      lastAtom = null;
    } else if (ch === ")") {
      const closed =
        stack.length > 1 ? (stack.pop() as Frame) : { repeated: [], branches: [newBranch()] };
      top().repeated.push(...closed.repeated);
      out += ch;
      atom(`(?:${closed.repeated.join("|")})`, null, closed);
    } else if (ch === "|") {
      top().branches.push(newBranch());
      out += ch;
      lastAtom = null;
    } else if (ch === "+" || ch === "*") {
      repeat();
      out += ch === "+" ? `{1,${limit}}` : `{0,${limit}}`;
    } else if (ch === "{" && /^\{\d+(,\d*)?\}/.test(src.slice(i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i)) as RegExpExecArray;
      const min = m[1] as string;
      const max =
        m[2] === undefined
          ? min
          : m[3] === ""
            ? String(Math.max(limit, Number(min)))
            : (m[3] as string);
      if (Number(max) > 1) repeat();
      out += m[2] === undefined ? `{${min}}` : `{${min},${max}}`;
      i += m[0].length - 1;
    } else if (ch === "?") {
      out += ch; // optional or lazy: no repetition
    } else if (ch === "^" || ch === "$") {
      out += ch;
    } else {
      out += ch;
      atom(ch === "." ? "." : ch.replace(/[{}]/, "\\$&"), ch === "." ? null : ch);
    }
  }
  return { source: out, nested };
}

// The index just past a character class starting at i ("[...]", escapes honoured).
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === "^") j++;
  while (j < src.length && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
  return j + 1;
}

// A quantifier (and its lazy "?") starting at i, as `[?*+]` or `{n[,m]}` with n in group 1.
// Sticky and tried only where one can start: ~7,000 patterns are scanned at start-up.
const QUANTIFIER = /(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/y;
function quantifierAt(src: string, i: number): RegExpExecArray | null {
  const c = src.charCodeAt(i);
  if (c !== 63 && c !== 42 && c !== 43 && c !== 123) return null; // ? * + {
  QUANTIFIER.lastIndex = i;
  return QUANTIFIER.exec(src);
}

/**
 * The longest literal text every match must contain (lower-cased), or null: only top-level,
 * non-optional literal runs count, and a top-level alternation means there is none.
 */
export function requiredLiteral(src: string): string | null {
  let depth = 0;
  let run = "";
  let best = "";
  let alternation = false;
  const flush = () => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    let len = 1;
    let lit: string | null = null;
    if (ch === "\\") {
      const next = src[i + 1] ?? "";
      len = 2;
      lit = CLASS_ESCAPES.has(next) ? null : next;
    } else if (ch === "[") {
      len = classEnd(src, i) - i;
    } else if (ch === "(") {
      if (depth === 0) flush();
      depth++;
      continue;
    } else if (ch === ")") {
      depth = Math.max(0, depth - 1);
      continue;
    } else if (ch === "|") {
      if (depth === 0) alternation = true;
      flush();
      continue;
    } else if ("^$?*+".includes(ch)) {
      if (depth === 0) flush();
      continue;
    } else if (ch !== ".") {
      lit = ch;
    }
    if (depth > 0) {
      i += len - 1;
      continue;
    }
    const q = quantifierAt(src, i + len);
    const min = !q ? 1 : q[0][0] === "+" ? 1 : q[0][0] === "{" ? Number(q[1]) : 0;
    if (lit !== null && min >= 1) run += lit.toLowerCase();
    if (lit === null || q) flush();
    i += len - 1 + (q ? q[0].length : 0);
  }
  flush();
  return alternation || best.length < 3 ? null : best;
}
