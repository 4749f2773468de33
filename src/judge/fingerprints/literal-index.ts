import { bigramKeys, mayContain, pairKey } from "./bigrams.js";

// Thousands of literals looked for in one text: each literal is filed under its rarest character
// pair, so a text only tries the literals filed under pairs it holds, instead of all of them.

interface Entry<T> {
  literal: string;
  keys: number[];
  value: T;
}

/** Literals (lower-cased) with a value each, ready for `valuesIn`. */
export interface LiteralIndex<T> {
  entries: Entry<T>[];
  /** Entry numbers by the pair key they are filed under. */
  buckets: (number[] | undefined)[];
  /** Literals shorter than a pair: tried on every text. */
  unfiled: number[];
  /** The pairs of the text being searched (cleared after each search; searches are synchronous). */
  scratch: Uint8Array;
}

/** Files each literal under its character pair that the fewest of the literals share. */
export function literalIndex<T>(items: [string, T][]): LiteralIndex<T> {
  const entries = items.map(([literal, value]) => ({ literal, keys: bigramKeys(literal), value }));
  const count = new Uint32Array(1 << 14);
  for (const e of entries) for (const k of e.keys) count[k] = (count[k] ?? 0) + 1;
  const index: LiteralIndex<T> = {
    entries,
    buckets: [],
    unfiled: [],
    scratch: new Uint8Array(1 << 14),
  };
  entries.forEach((e, i) => {
    if (e.keys.length === 0) {
      index.unfiled.push(i);
      return;
    }
    let rarest = e.keys[0] as number;
    for (const k of e.keys) if ((count[k] ?? 0) < (count[rarest] ?? 0)) rarest = k;
    const bucket = index.buckets[rarest];
    if (bucket) bucket.push(i);
    else index.buckets[rarest] = [i];
  });
  return index;
}

/** The values of the literals the (lower-cased) text contains, in the order they were filed. */
export function valuesIn<T>(index: LiteralIndex<T>, text: string): T[] {
  const seen = index.scratch;
  const pairs: number[] = [];
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = pairKey(prev, c);
    if (seen[k] === 0) {
      seen[k] = 1;
      pairs.push(k);
    }
    prev = c;
  }
  const hits: number[] = [];
  try {
    const test = (i: number) => {
      const e = index.entries[i] as Entry<T>;
      if (mayContain(seen, e.keys) && text.includes(e.literal)) hits.push(i);
    };
    for (const i of index.unfiled) test(i);
    for (const k of pairs) for (const i of index.buckets[k] ?? []) test(i);
  } finally {
    for (const k of pairs) seen[k] = 0;
  }
  return hits.sort((a, b) => a - b).map((i) => (index.entries[i] as Entry<T>).value);
}
