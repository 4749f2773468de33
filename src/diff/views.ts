// The diff's output formats, each a pure view of the records in order: a table for people,
// JSON (one array), NDJSON (one record per line) and CSV (one row per change).
import { Chalk } from "chalk";
import { csvCell } from "../format/csv.js";
import { safeJson, sanitize } from "../format/sanitize.js";
import type { Change, DiffRecord } from "./types.js";

export type DiffFormat = "table" | "json" | "ndjson" | "csv";

export interface DiffTotals {
  compared: number;
  changed: number;
  appeared: number;
  disappeared: number;
}

export interface DiffView {
  push(record: DiffRecord): string;
  end(totals: DiffTotals): string;
}

function describe(c: Change): string {
  const sets = [
    c.added.length ? `added ${c.added.join(", ")}` : "",
    c.removed.length ? `removed ${c.removed.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const values =
    c.old !== null || c.new !== null ? `${c.old ?? "(none)"} → ${c.new ?? "(none)"}` : "";
  return [c.kind, values, sets].filter(Boolean).join(" ");
}

const tableView = (color: boolean): DiffView => {
  const paint = new Chalk({ level: color ? 1 : 0 });
  return {
    push(r) {
      const head = `${paint.bold(sanitize(r.target))}${r.status === "changed" ? "" : `  ${r.status}`}`;
      const lines = r.changes.map((c) => `  ${sanitize(c.field)}: ${sanitize(describe(c))}`);
      return `${[head, ...lines].join("\n")}\n`;
    },
    end(t) {
      const none = t.changed + t.appeared + t.disappeared === 0;
      return none
        ? `no changes (${t.compared} targets compared)\n`
        : `\n${t.changed} changed, ${t.appeared} appeared, ${t.disappeared} disappeared (${t.compared} targets compared)\n`;
    },
  };
};

const jsonView = (): DiffView => {
  let count = 0;
  return {
    push(r) {
      count++;
      const body = safeJson(r, 2)
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n");
      return count === 1 ? `[\n${body}` : `,\n${body}`;
    },
    end: () => (count === 0 ? "[]\n" : "\n]\n"),
  };
};

const ndjsonView = (): DiffView => ({
  push: (r) => `${safeJson(r)}\n`,
  end: () => "",
});

const CSV_HEADER = ["target", "host", "status", "field", "kind", "old", "new", "added", "removed"];

const csvView = (): DiffView => {
  let started = false;
  const header = () => {
    if (started) return "";
    started = true;
    return `${CSV_HEADER.join(",")}\r\n`;
  };
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;
  return {
    push(r) {
      const lead = [r.target, r.host ?? "", r.status];
      if (r.changes.length === 0) return `${header()}${line([...lead, "", "", "", "", "", ""])}`;
      const rows = r.changes.map((c) =>
        line([
          ...lead,
          c.field,
          c.kind,
          c.old ?? "",
          c.new ?? "",
          c.added.join(";"),
          c.removed.join(";"),
        ]),
      );
      return `${header()}${rows.join("")}`;
    },
    end: () => header(),
  };
};

/** The view for a format. */
export function diffView(format: DiffFormat, color: boolean): DiffView {
  if (format === "json") return jsonView();
  if (format === "ndjson") return ndjsonView();
  if (format === "csv") return csvView();
  return tableView(color);
}
