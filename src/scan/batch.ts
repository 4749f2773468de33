import type { Profile } from "../profile/types.js";
import { ABORTED, untilAbort } from "./until-abort.js";

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
  const { signal } = options;
  const finished = new Map<number, Profile>();
  const recent = new Map<string, Promise<Profile>>();
  let inFlight = 0;
  let nextIndex = 0;
  let nextWrite = 0;
  let written = 0;
  let failure = null as { error: unknown } | null;
  let writing = Promise.resolve();

  // The reading loop is the only waiter: woken when a scan finishes, a result is written, a
  // scan or write fails, or on abort.
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sleep = () => new Promise<void>((resolve) => (wake = resolve));
  signal.addEventListener("abort", notify, { once: true });
  const fail = (error: unknown) => {
    failure ??= { error };
    notify();
  };

  // Writes are chained so output order and stdout back-pressure are both respected.
  const flush = () => {
    writing = writing
      .then(async () => {
        while (finished.has(nextWrite) && !signal.aborted && !failure) {
          const profile = finished.get(nextWrite) as Profile;
          finished.delete(nextWrite);
          await write(profile, nextWrite);
          written += 1;
          nextWrite += 1;
          notify();
        }
      })
      .catch(fail);
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
    const promise = scan(line, signal);
    if (key !== null) {
      recent.set(key, promise);
      if (recent.size > options.dedupeEntries) recent.delete(recent.keys().next().value as string);
    }
    return promise;
  };

  const iterator = lines[Symbol.asyncIterator]();
  let exhausted = false;
  while (!signal.aborted && !failure) {
    // Raced with the signal: stdin held open with nothing to read must not block Ctrl-C.
    const step = await untilAbort(iterator.next(), signal);
    if (step === ABORTED) break;
    if (step.done) {
      exhausted = true;
      break;
    }
    const index = nextIndex;
    while (
      (inFlight >= options.concurrency || index - nextWrite >= options.window) &&
      !signal.aborted &&
      !failure
    ) {
      await sleep();
    }
    if (signal.aborted || failure) break;
    nextIndex += 1;
    inFlight += 1;
    scanOnce(step.value).then((profile) => {
      finished.set(index, profile);
      inFlight -= 1;
      flush();
      notify();
    }, fail);
  }
  // A generator parked on a pending read finishes its return() later; nobody waits for it.
  if (!exhausted) iterator.return?.().catch(() => {});

  while (inFlight > 0 && !signal.aborted && !failure) await sleep();
  await writing;
  signal.removeEventListener("abort", notify);
  if (failure) throw failure.error;
  if (signal.aborted) {
    // Interrupted: write every finished result still held, in input order, then stop.
    for (const index of [...finished.keys()].sort((a, b) => a - b)) {
      await write(finished.get(index) as Profile, index);
      written += 1;
    }
    finished.clear();
  }
  return { total: nextIndex, written, interrupted: signal.aborted };
}
