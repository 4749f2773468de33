// A cheap "cannot contain" test for thousands of literals against one page: every adjacent pair
// of characters of a literal that occurs in a text also occurs in that text. Characters are folded
// to 7 bits on both sides, so the test can only err towards "may contain" (then `includes` decides).

const SIZE = 1 << 14;

/** The set slot of a pair of UTF-16 code units (each folded to 7 bits). */
export const pairKey = (a: number, b: number) => ((a & 127) << 7) | (b & 127);

/** Which (folded) character pairs a text holds; one linear pass. */
export function bigramSet(text: string): Uint8Array {
  const seen = new Uint8Array(SIZE);
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    seen[pairKey(prev, c)] = 1;
    prev = c;
  }
  return seen;
}

/** The distinct (folded) character pairs of a literal, for `mayContain`. */
export function bigramKeys(literal: string): number[] {
  const keys: number[] = [];
  next: for (let i = 1; i < literal.length; i++) {
    const k = pairKey(literal.charCodeAt(i - 1), literal.charCodeAt(i));
    for (let j = 0; j < keys.length; j++) if (keys[j] === k) continue next;
    keys.push(k);
  }
  return keys;
}

/** False when the text (as a bigramSet) cannot contain the literal (as its bigramKeys). */
export function mayContain(seen: Uint8Array, keys: readonly number[]): boolean {
  for (let i = 0; i < keys.length; i++) if (seen[keys[i] as number] === 0) return false;
  return true;
}
