import type { Paint, Style } from "./paint.js";
import { sanitize } from "./sanitize.js";
import { wrapWords } from "./wrap.js";

/** One column of a grid: header, widest it may be, and an optional style per cell. */
export interface GridColumn {
  header: string;
  maxWidth: number;
  /** Style of a cell's lines (applied after wrapping and padding, so widths stay exact). */
  style?: (cell: string) => Style | null;
}

/**
 * Renders rows under a header, each cell wrapped at word boundaries to its column. A word wider
 * than the last column (a URL) goes on the row's next line (or one of its own), moved left as
 * far as it must be to fit `width`, so it is never cut. Columns shrink to their content and the
 * last one takes the room they leave; cells are sanitised here.
 */
export function renderGrid(
  columns: GridColumn[],
  rows: string[][],
  options: { width: number; paint: Paint },
): string[] {
  const { paint } = options;
  const clean = rows.map((r) => columns.map((_, i) => sanitize(r[i] ?? "")));
  const widths = columns.map((c, i) => {
    const longest = Math.max(0, ...clean.map((r) => longestWord(r[i] ?? "", c.maxWidth)));
    return Math.max(c.header.length, Math.min(c.maxWidth, longest));
  });
  const last = columns.length - 1;
  const lastStart = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  const lastHeader = columns[last]?.header.length ?? 0;
  const lastLongest = Math.max(0, ...clean.map((r) => maxLine(r[last] ?? "")));
  widths[last] = Math.max(lastHeader, Math.min(lastLongest, options.width - lastStart));
  const lines = [
    columns
      .map(
        (c, i) => `${paint("title", c.header)}${pad(c.header, i === last ? 0 : (widths[i] ?? 0))}`,
      )
      .join("  ")
      .trimEnd(),
  ];
  for (const r of clean) {
    const cells = columns.map((_, i) => wrapWords(r[i] ?? "", widths[i] ?? 1));
    const height = Math.max(...cells.map((c) => c.length));
    const tailStyle = columns[last]?.style?.(r[last] ?? "");
    // A word too wide for the last column waits for the row's next line with room for it.
    let spill: { indent: number; text: string } | null = null;
    for (let k = 0; k < height; k++) {
      const tail = cells[last]?.[k] ?? "";
      const wide = tail.length > (widths[last] ?? 0);
      let plain = "";
      const parts = columns.map((c, i) => {
        const text = i === last && wide ? "" : (cells[i]?.[k] ?? "");
        const style = text ? c.style?.(r[i] ?? "") : null;
        const shown = style ? paint(style, text) : text;
        const padded = i === last ? "" : pad(text, widths[i] ?? 0);
        plain += `${i ? "  " : ""}${text}${padded}`;
        return `${shown}${padded}`;
      });
      let line = parts.join("  ").trimEnd();
      const used = plain.trimEnd().length;
      if (spill && !tail && used + 1 <= spill.indent) {
        line = `${line}${" ".repeat(spill.indent - used)}${spill.text}`;
        spill = null;
      } else if (spill) {
        lines.push(`${" ".repeat(spill.indent)}${spill.text}`);
        spill = null;
      }
      if (line) lines.push(line);
      if (wide) {
        const indent = Math.max(0, Math.min(lastStart, options.width - tail.length));
        spill = { indent, text: tailStyle ? paint(tailStyle, tail) : tail };
      }
    }
    if (spill) lines.push(`${" ".repeat(spill.indent)}${spill.text}`);
  }
  return lines;
}

// Spaces after a cell's text (outside its colour codes, so trimEnd sees them).
function pad(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - text.length));
}

function maxLine(text: string): number {
  return Math.max(0, ...text.split("\n").map((l) => l.length));
}

// The width a cell needs: its whole text when it fits the column, else the column's width.
function longestWord(text: string, max: number): number {
  return Math.max(0, ...text.split("\n").map((l) => Math.min(l.length, max)));
}

/** A single cell cut to width with an ellipsis (for one-line-per-item tables). */
export function fitCell(text: string, width: number): string {
  const t = sanitize(text);
  return t.length <= width ? t.padEnd(width) : `${t.slice(0, width - 1)}…`;
}
