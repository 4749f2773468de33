// C0 controls, DEL, C1 controls, line separators, and Unicode's Bidi_Control set (ALM, LRM,
// RLM, embeddings, overrides, isolates): characters that can hide, reorder or rewrite text.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Text safe for a terminal: control characters (ESC, other C0/C1, bidi overrides) escaped visibly. */
export function sanitize(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(UNSAFE, escapeChar);
}

/**
 * JSON text safe for a terminal. JSON.stringify escapes C0 but not C1 or bidi characters;
 * those can only occur inside strings, where a \uXXXX escape is the same value.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    UNSAFE_IN_JSON,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}
