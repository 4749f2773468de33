// C0 controls, DEL, C1 controls, line separators, and Unicode's Bidi_Control set (ALM, LRM,
// RLM, embeddings, overrides, isolates): characters that can hide, reorder or rewrite text.
// Matched as runs: a value made of a million control characters is one match, not a million
// (V8 spends about half a microsecond per match of a global replace).
const UNSAFE_RUN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
const UNSAFE_RUN_IN_JSON =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

// Each escape is built once: \xHH for terminals (\uHHHH past Latin-1), \uHHHH inside JSON.
const ESCAPES = new Map<number, string>();
const JSON_ESCAPES = new Map<number, string>();

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

function escapeCode(code: number): string {
  let escaped = ESCAPES.get(code);
  if (escaped === undefined) {
    escaped = code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
    ESCAPES.set(code, escaped);
  }
  return escaped;
}

function jsonEscapeCode(code: number): string {
  let escaped = JSON_ESCAPES.get(code);
  if (escaped === undefined) {
    escaped = `\\u${hex(code, 4)}`;
    JSON_ESCAPES.set(code, escaped);
  }
  return escaped;
}

function runEscaper(escapeOne: (code: number) => string): (run: string) => string {
  return (run) => {
    if (run.length === 1) return escapeOne(run.charCodeAt(0));
    const parts: string[] = [];
    for (let i = 0; i < run.length; i++) parts.push(escapeOne(run.charCodeAt(i)));
    return parts.join("");
  };
}

const escapeRun = runEscaper(escapeCode);
const jsonEscapeRun = runEscaper(jsonEscapeCode);

// String() throws for an object without a callable toString; a value printed can be anything.
function text(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Text safe for a terminal: control characters (ESC, other C0/C1, bidi overrides) escaped visibly. */
export function sanitize(value: unknown): string {
  if (value === null || value === undefined) return "";
  return text(value).replace(UNSAFE_RUN, escapeRun);
}

/**
 * JSON text safe for a terminal. JSON.stringify escapes C0 but not C1 or bidi characters;
 * those can only occur inside strings, where a \uXXXX escape is the same value.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_RUN_IN_JSON, jsonEscapeRun);
}
