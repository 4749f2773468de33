import { bigramKeys, mayContain, pairKey } from "./bigrams.js";

// Thousands of literals looked for in one text: each literal is filed under its rarest character
// pair, so a text only tries the literals filed under pairs it holds, instead of all of them.
// Where each literal is filed is decided once, at build time (`filingOf`), and shipped.

interface Entry<T> {
  literal: string;
  /** The literal's pairs, worked out the first time a text holding its filing pair is tried. */
  keys: number[] | null;
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

/** The pair key each literal is filed under: its pair that the fewest of the literals share
 * (-1: shorter than a pair). */
export function filingOf(literals: string[]): number[] {
  const keys = literals.map(bigramKeys);
  const count = new Uint32Array(1 << 14);
  for (const ks of keys) for (const k of ks) count[k] = (count[k] ?? 0) + 1;
  return keys.map((ks) => {
    let rarest = ks[0] ?? -1;
    for (const k of ks) if ((count[k] ?? 0) < (count[rarest] ?? 0)) rarest = k;
    return rarest;
  });
}

/** Files each literal under the pair `filing` gives it (by default worked out here). */
export function literalIndex<T>(
  items: [string, T][],
  filing: number[] = filingOf(items.map(([literal]) => literal)),
): LiteralIndex<T> {
  const index: LiteralIndex<T> = {
    entries: items.map(([literal, value]) => ({ literal, keys: null, value })),
    buckets: [],
    unfiled: [],
    scratch: new Uint8Array(1 << 14),
  };
  items.forEach((_, i) => {
    const key = filing[i] ?? -1;
    if (key < 0) {
      index.unfiled.push(i);
      return;
    }
    const bucket = index.buckets[key];
    if (bucket) bucket.push(i);
    else index.buckets[key] = [i];
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
      e.keys ??= bigramKeys(e.literal);
      if (mayContain(seen, e.keys) && text.includes(e.literal)) hits.push(i);
    };
    for (const i of index.unfiled) test(i);
    for (const k of pairs) for (const i of index.buckets[k] ?? []) test(i);
  } finally {
    for (const k of pairs) seen[k] = 0;
  }
  return hits.sort((a, b) => a - b).map((i) => (index.entries[i] as Entry<T>).value);
}
