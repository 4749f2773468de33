// Splits saved hostscan output — NDJSON, concatenated (pretty) JSON objects, or one JSON array —
// into the text of each top-level record, in one linear pass with bounded memory.

/** One record's text, or why a stretch of input is not one; `line` is where it starts (1-based). */
export type RawRecord = { line: number; text: string } | { line: number; problem: RecordProblem };

export type RecordProblem = "TOO_LARGE" | "TRUNCATED" | "UNTERMINATED";

/** Largest record kept, in characters: a profile is a few kB; anything far past that is hostile. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

const NL = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_OBJ = 123;
const CLOSE_OBJ = 125;
const OPEN_ARR = 91;
const CLOSE_ARR = 93;

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === NL || c === 0xfeff;

/**
 * Yields each record's text as soon as it ends. The first non-blank character decides the
 * shape: `[` is one array whose elements are the records; anything else is a stream of values
 * (one per line, or pretty-printed over several). In a stream, a value still open when a line
 * starts with `{` at column 0, or holding a raw newline inside a string, was cut short: it is
 * reported TRUNCATED and reading resumes at the new line, so one bad line costs one record.
 */
export async function* splitRecords(
  chunks: AsyncIterable<string>,
  maxChars = MAX_RECORD_CHARS,
): AsyncGenerator<RawRecord> {
  let mode: "unknown" | "stream" | "array" | "done" = "unknown";
  let depth = 0; // nesting inside the current record (the outer array not counted)
  let inString = false;
  let escaped = false;
  let inRecord = false;
  let scalar = false; // a record that is not an object or array: ends at a comma, bracket or line end
  let startLine = 0;
  let line = 1;
  let atLineStart = true;
  let pieces: string[] = [];
  let size = 0;
  let oversized = false;
  let pending: RawRecord[] = [];

  const begin = () => {
    inRecord = true;
    startLine = line;
    pieces = [];
    size = 0;
    oversized = false;
  };
  const keep = (text: string) => {
    if (oversized) return;
    size += text.length;
    if (size > maxChars) {
      oversized = true;
      pieces = [];
    } else pieces.push(text);
  };
  const finish = (problem?: RecordProblem) => {
    inRecord = false;
    scalar = false;
    depth = 0;
    inString = false;
    escaped = false;
    if (problem) pending.push({ line: startLine, problem });
    else if (oversized) pending.push({ line: startLine, problem: "TOO_LARGE" });
    else pending.push({ line: startLine, text: pieces.join("") });
    pieces = [];
  };

  for await (const chunk of chunks) {
    let from = 0; // start of the current record's text within this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      const lineStart = atLineStart;
      atLineStart = c === NL;
      if (mode === "done") {
        if (c === NL) line++;
        continue;
      }
      if (!inRecord) {
        if (c === NL) line++;
        if (isSpace(c)) continue;
        if (mode === "unknown") {
          mode = c === OPEN_ARR ? "array" : "stream";
          if (mode === "array") continue;
        }
        if (mode === "array" && (c === COMMA || c === CLOSE_ARR)) {
          if (c === CLOSE_ARR) mode = "done";
          continue;
        }
        begin();
        from = i;
        if (c === OPEN_OBJ || c === OPEN_ARR) depth = 1;
        else {
          scalar = true;
          if (c === QUOTE) inString = true;
        }
        continue;
      }
      // Inside a record.
      if (mode === "stream" && lineStart && c === OPEN_OBJ && !scalar) {
        keep(chunk.slice(from, i));
        finish("TRUNCATED");
        begin();
        from = i;
        depth = 1;
        continue;
      }
      if (c === NL) {
        if (inString || scalar) {
          // A raw newline never belongs to a JSON string; a stray word ends with its line.
          keep(chunk.slice(from, i));
          finish(inString && !scalar ? "TRUNCATED" : undefined);
          line++;
          continue;
        }
        line++;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (scalar) {
        if (mode === "array" && (c === COMMA || c === CLOSE_ARR)) {
          keep(chunk.slice(from, i));
          finish();
          if (c === CLOSE_ARR) mode = "done";
        }
        continue;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
      else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        depth--;
        if (depth === 0) {
          keep(chunk.slice(from, i + 1));
          finish();
        }
      }
    }
    if (inRecord) keep(chunk.slice(from));
    if (pending.length) {
      yield* pending;
      pending = [];
    }
  }
  if (inRecord) {
    if (scalar && !inString) finish();
    else finish("UNTERMINATED");
  } else if (mode === "array") {
    pending.push({ line, problem: "UNTERMINATED" });
  }
  yield* pending;
}
