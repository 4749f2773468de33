import { csvFormatter } from "./csv.js";
import { jsonFormatter, ndjsonFormatter } from "./json.js";
import { tableFormatter } from "./table.js";
import type { FormatId, FormatterRegistry } from "./types.js";

/** Every output format. */
export const formatters = {
  table: tableFormatter,
  json: jsonFormatter,
  ndjson: ndjsonFormatter,
  csv: csvFormatter,
} satisfies FormatterRegistry;

export const FORMAT_IDS = Object.keys(formatters) as FormatId[];
