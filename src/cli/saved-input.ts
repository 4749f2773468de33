// Opens saved profiles (files, or stdin for "-") for summary and diff, and reports each skipped
// record on stderr with its file and line.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { sanitize } from "../format/sanitize.js";
import { readSaved, type SavedItem, type SkipCode } from "../saved/read-saved.js";
import type { SavedProfile } from "../saved/saved-profile.js";
import type { CliIO } from "./io.js";

const SKIP_REASONS: Record<SkipCode, string> = {
  MALFORMED_JSON: "not valid JSON",
  NOT_A_PROFILE: "not a hostscan profile (no target or providers)",
  TOO_LARGE: "record too large",
  TRUNCATED: "record cut short",
  UNTERMINATED: "input ends inside a record",
};

/** A file or stdin could not be read at all (as opposed to a bad record inside it). */
export class UnreadableInput extends Error {}

/**
 * The text chunks of one input; `-` is stdin. The file is opened only when first read, so its
 * open error reaches the reader instead of an unheard "error" event (diff opens two inputs).
 */
export async function* openInput(name: string, io: CliIO): AsyncGenerator<string> {
  if (name === "-") {
    io.stdin.setEncoding("utf8");
    yield* io.stdin as AsyncIterable<string>;
  } else yield* createReadStream(name, { encoding: "utf8" }) as AsyncIterable<string>;
}

/** How an input is named in messages and titles. */
export const inputLabel = (name: string): string => (name === "-" ? "stdin" : basename(name));

export interface SkipLog {
  count: number;
}

/**
 * The profiles of one input, in order; each skipped record is counted in `skips` and written to
 * stderr (unless quiet). A read error becomes `UnreadableInput`.
 */
export async function* profilesOf(
  name: string,
  chunks: AsyncIterable<string>,
  io: CliIO,
  skips: SkipLog,
  quiet: boolean,
): AsyncGenerator<SavedProfile> {
  const items: AsyncIterator<SavedItem> = readSaved(chunks)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<SavedItem>;
    try {
      next = await items.next();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new UnreadableInput(`cannot read ${sanitize(name)}: ${sanitize(code)}`);
    }
    if (next.done) return;
    const item = next.value;
    if ("profile" in item) {
      yield item.profile;
      continue;
    }
    skips.count++;
    if (!quiet) {
      const where = `${sanitize(name === "-" ? "stdin" : name)}:${item.line}`;
      io.stderr.write(`hostscan: ${where}: ${SKIP_REASONS[item.skipped]}, skipped\n`);
    }
  }
}
