import { sanitize } from "./sanitize.js";

/** A plain-text grid: columns padded to width, long cells wrapped onto more lines. */
export interface GridOptions {
  /** Widest each column may be; longer cells wrap. */
  maxWidths: number[];
  /** Styles the header cells (colour), applied after padding. */
  styleHeader?: (text: string) => string;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const w of para.split(" ")) {
      // A word wider than the column (a URL, an e-mail address) stays whole on its own line,
      // overflowing the column: a report address cut in two cannot be copied.
      if (w.length > width) {
        if (line) out.push(line);
        out.push(w);
        line = "";
        continue;
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Renders rows under a header. A "\n" in a cell separates lines the caller built; every line
 * is sanitised for the terminal, so callers escape newlines inside data with `sanitize()`.
 */
export function renderGrid(header: string[], rows: string[][], options: GridOptions): string {
  const clean = rows.map((r) => r.map((c) => c.split("\n").map(sanitize).join("\n")));
  const widths = header.map((h, i) => {
    const longest = Math.max(h.length, ...clean.map((r) => maxLine(r[i] ?? "")));
    return Math.max(h.length, Math.min(longest, options.maxWidths[i] ?? 40));
  });
  const style = options.styleHeader ?? ((t: string) => t);
  const lines = [
    header
      .map((h, i) => style(h.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  ];
  for (const r of clean) {
    const cells = widths.map((w, i) => wrap(r[i] ?? "", w));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      lines.push(
        cells
          .map((c, i) => (c[k] ?? "").padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd(),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function maxLine(text: string): number {
  return Math.max(0, ...text.split("\n").map((l) => l.length));
}

/** A single cell cut to width with an ellipsis (for one-line-per-target tables). */
export function fitCell(text: string, width: number): string {
  const t = sanitize(text);
  return t.length <= width ? t.padEnd(width) : `${t.slice(0, width - 1)}…`;
}
