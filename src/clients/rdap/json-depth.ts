// JSON.parse builds any nesting a document asks for: four megabytes of "[" take over a second
// of CPU, with the event loop (and every timeout) stopped. RDAP nests a dozen levels at most,
// so before parsing, every array or object opened deeper than the limit is replaced by null
// in one linear pass, and the first place it happened is named; the rest of the document stays.

const OPEN_OBJ = 123; // {
const CLOSE_OBJ = 125;
const OPEN_ARR = 91; // [
const CLOSE_ARR = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;

interface Level {
  object: boolean;
  key: string;
  index: number;
  expectKey: boolean;
}

function pathOf(stack: Level[]): string {
  let path = "";
  for (const l of stack) path += l.object ? (path ? `.${l.key}` : l.key) : `[${l.index}]`;
  return path || "(document)";
}

/** The end (index after the closing quote) of the string that starts at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === QUOTE) return j + 1;
    else j++;
  }
  return j;
}

/** The end of the container that opens at `i` (strings inside are skipped). */
function containerEnd(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      j = stringEnd(text, j);
      continue;
    }
    if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
    else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/**
 * JSON text with every container deeper than `maxDepth` replaced by null, and the path of the
 * first one replaced (null when none was). Malformed text is passed on for JSON.parse to refuse.
 */
export function limitJsonDepth(
  text: string,
  maxDepth: number,
): { text: string; cut: string | null } {
  const stack: Level[] = [];
  const parts: string[] = [];
  let copied = 0;
  let cut: string | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top?.object && top.expectKey) {
        // The stranger's member name, as it will be printed: cut and printable.
        top.key = text.slice(i + 1, Math.min(end - 1, i + 41)).replace(/[^\x20-\x7e]/g, "?");
      }
      i = end;
      continue;
    }
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (stack.length >= maxDepth) {
        const end = containerEnd(text, i);
        cut ??= pathOf(stack);
        parts.push(text.slice(copied, i), "null");
        copied = end;
        i = end;
        continue;
      }
      stack.push({ object: c === OPEN_OBJ, key: "", index: 0, expectKey: c === OPEN_OBJ });
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      stack.pop();
    } else if (c === COMMA && top) {
      top.index++;
      top.expectKey = top.object;
    } else if (c === COLON && top) {
      top.expectKey = false;
    }
    i++;
  }
  if (cut === null) return { text, cut };
  parts.push(text.slice(copied));
  return { text: parts.join(""), cut };
}

/** Deepest nesting parsed; RDAP needs a dozen levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * A JSON document parsed with its nesting bounded: the value and what was cut (by path), or
 * null when the text is not JSON.
 */
export function parseBoundedJson(text: string): { body: unknown; notes: string[] } | null {
  const limited = limitJsonDepth(text, MAX_JSON_DEPTH);
  const notes = limited.cut ? [`${limited.cut} nested deeper than ${MAX_JSON_DEPTH} levels`] : [];
  try {
    return { body: JSON.parse(limited.text), notes };
  } catch {
    return null;
  }
}
