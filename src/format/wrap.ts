import { sanitize } from "./sanitize.js";

const NBSP = "\u00a0";

/** Text that wrapWords keeps on one line (its spaces become no-break spaces until printed). */
export function glue(text: string): string {
  return text.replaceAll(" ", NBSP);
}

/**
 * Lines of at most `width` characters, broken only at spaces. A word wider than the line (an
 * e-mail address, a URL) is never cut: it gets a line of its own, so it can still be copied.
 * Runs of spaces collapse; "\n" in the text starts a new line; glued text stays together.
 */
export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      if (!word) continue;
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
      if (line.length > width) {
        out.push(line);
        line = "";
      }
    }
    if (line || out.length === 0) out.push(line);
  }
  return out.map((l) => l.replaceAll(NBSP, " "));
}

/**
 * `first` followed by the wrapped text, continuation lines indented to line up under the text:
 * "  key   value that wraps\n        onto here". Every line fits `width` unless one word cannot;
 * both parts are sanitised first, so widths count what the terminal shows.
 */
export function hangingIndent(first: string, text: string, width: number): string[] {
  const lead = sanitize(first);
  const room = Math.max(20, width - lead.length);
  const lines = wrapWords(sanitize(text), room);
  const pad = " ".repeat(lead.length);
  return lines.map((l, i) => `${i === 0 ? lead : pad}${l}`.trimEnd());
}
