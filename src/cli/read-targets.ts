import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** The targets of one line of an input file, or null for blank lines and `#` comments. */
export function targetOfLine(line: string): string | null {
  const text = line.trim();
  if (!text || text.startsWith("#")) return null;
  return text;
}

/**
 * Targets from the arguments first, then from each stream, one per line, read lazily so a
 * million-line list is never held in memory.
 */
export async function* readTargets(args: string[], streams: Readable[]): AsyncGenerator<string> {
  yield* args;
  for (const stream of streams) {
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      const target = targetOfLine(line);
      if (target !== null) yield target;
    }
  }
}
