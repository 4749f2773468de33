import type { Profile } from "../profile/types.js";

/** Scans one input line; always resolves to a profile (invalid lines included). */
export type ScanLine = (line: string, signal: AbortSignal) => Promise<Profile>;

export interface BatchOptions {
  /** Targets in flight at once. */
  concurrency: number;
  /**
   * Most lines started past the oldest unfinished one: a slow target holds back at most this
   * many finished results, so memory stays bounded however long the input is.
   */
  window: number;
  /** Aborted on SIGINT: stop reading, write what is finished, return. */
  signal: AbortSignal;
  /** Dedup key of a line (normalised target), or null when it has none. */
  keyOf: (line: string) => string | null;
  /** How many recent distinct keys remember their result for duplicate lines. */
  dedupeEntries: number;
}

export interface BatchSummary {
  total: number;
  written: number;
  interrupted: boolean;
}

/**
 * Runs every line through `scan` with bounded concurrency and writes results in input order,
 * each as soon as it and all before it are done. Duplicate lines are scanned once.
 */
export async function runBatch(
  lines: AsyncIterable<string>,
  scan: ScanLine,
  write: (profile: Profile, index: number) => Promise<void> | void,
  options: BatchOptions,
): Promise<BatchSummary> {
  const finished = new Map<number, Profile>();
  const recent = new Map<string, Promise<Profile>>();
  const inFlight = new Set<Promise<void>>();
  let nextIndex = 0;
  let nextWrite = 0;
  let written = 0;
  let writing = Promise.resolve();
  const aborted = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener("abort", () => resolve(), { once: true });
  });

  // Writes are chained so output order and stdout back-pressure are both respected.
  const flush = () => {
    writing = writing.then(async () => {
      while (finished.has(nextWrite) && !options.signal.aborted) {
        const profile = finished.get(nextWrite) as Profile;
        finished.delete(nextWrite);
        await write(profile, nextWrite);
        written += 1;
        nextWrite += 1;
      }
    });
  };

  const scanOnce = (line: string): Promise<Profile> => {
    const key = options.keyOf(line);
    const known = key === null ? undefined : recent.get(key);
    if (known) {
      // Refresh LRU position; a duplicate reports the same findings under its own input text.
      recent.delete(key as string);
      recent.set(key as string, known);
      return known.then((p) => ({ ...p, target: line }));
    }
    const promise = scan(line, options.signal);
    if (key !== null) {
      recent.set(key, promise);
      if (recent.size > options.dedupeEntries) recent.delete(recent.keys().next().value as string);
    }
    return promise;
  };

  for await (const line of lines) {
    if (options.signal.aborted) break;
    const index = nextIndex++;
    while (
      (inFlight.size >= options.concurrency || index - nextWrite >= options.window) &&
      !options.signal.aborted
    ) {
      // Wait for a scan to finish, or for the writer when the head result is ready to go out.
      const waits: Promise<void>[] = [...inFlight, aborted];
      if (finished.has(nextWrite) || inFlight.size === 0) waits.push(writing);
      await Promise.race(waits);
    }
    if (options.signal.aborted) break;
    const task: Promise<void> = scanOnce(line).then((profile) => {
      finished.set(index, profile);
      inFlight.delete(task);
      flush();
    });
    inFlight.add(task);
  }

  await Promise.race([Promise.all(inFlight), aborted]);
  await writing;
  if (options.signal.aborted) {
    // Interrupted: write every finished result still held, in input order, then stop.
    for (const index of [...finished.keys()].sort((a, b) => a - b)) {
      await write(finished.get(index) as Profile, index);
      written += 1;
    }
    finished.clear();
  }
  return { total: nextIndex, written, interrupted: options.signal.aborted };
}
