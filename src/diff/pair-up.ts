// Pairs two runs target by target while reading both at once: when the runs list targets in
// the same order (hostscan writes input order) only the few in flight are held, so two runs of
// a million targets diff in bounded memory; out of order, the unmatched ones wait in a map.
import type { SavedProfile } from "../saved/saved-profile.js";

export interface Pair {
  old: SavedProfile | null;
  new: SavedProfile | null;
}

/** Targets as given are the key: two runs of one list repeat them exactly. */
const keyOf = (p: SavedProfile) => p.target;

function take(waiting: Map<string, SavedProfile[]>, key: string): SavedProfile | undefined {
  const list = waiting.get(key);
  const first = list?.shift();
  if (list && list.length === 0) waiting.delete(key);
  return first;
}

function hold(waiting: Map<string, SavedProfile[]>, p: SavedProfile) {
  const list = waiting.get(keyOf(p));
  if (list) list.push(p);
  else waiting.set(keyOf(p), [p]);
}

/**
 * Every target of either run: pairs as soon as both sides are read, then the targets only the
 * old run has (disappeared), then those only the new run has (appeared), each in input order.
 */
export async function* pairUp(
  oldRun: AsyncIterable<SavedProfile>,
  newRun: AsyncIterable<SavedProfile>,
): AsyncGenerator<Pair> {
  const a = oldRun[Symbol.asyncIterator]();
  const b = newRun[Symbol.asyncIterator]();
  const oldWaiting = new Map<string, SavedProfile[]>();
  const newWaiting = new Map<string, SavedProfile[]>();
  let aDone = false;
  let bDone = false;
  while (!aDone || !bDone) {
    if (!aDone) {
      const r = await a.next();
      if (r.done) aDone = true;
      else {
        const match = take(newWaiting, keyOf(r.value));
        if (match) yield { old: r.value, new: match };
        else hold(oldWaiting, r.value);
      }
    }
    if (!bDone) {
      const r = await b.next();
      if (r.done) bDone = true;
      else {
        const match = take(oldWaiting, keyOf(r.value));
        if (match) yield { old: match, new: r.value };
        else hold(newWaiting, r.value);
      }
    }
  }
  for (const list of oldWaiting.values()) for (const p of list) yield { old: p, new: null };
  for (const list of newWaiting.values()) for (const p of list) yield { old: null, new: p };
}
