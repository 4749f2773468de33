// Ratio-based timing for "runs in linear time": a worst-case input against a benign input of the
// same size, on the same machine, in the same second. Absolute times vary tenfold on a shared
// machine; a quadratic pattern on the inputs' sizes is thousands of times slower.

/** Mean milliseconds per call of fn(input), repeated until `minMs` of work; best of `trials`. */
export function costOf<T>(fn: (input: T) => unknown, input: T, trials = 3, minMs = 10): number {
  let best = Number.POSITIVE_INFINITY;
  for (let t = 0; t < trials; t++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      fn(input);
      calls++;
      elapsed = performance.now() - started;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

// One plain pass over the characters: the floor under a benign cost, so that a parser that
// skips a benign input in one indexOf is not "infinitely" faster than one that reads it.
function onePass(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * For each worst input, how many times slower `fn` is than on `benign` (or than one plain pass
 * over `benign`, whichever is slower). Inputs must all have the benign input's length.
 */
export function slowdowns(
  fn: (input: string) => unknown,
  benign: string,
  worst: Record<string, string>,
): Record<string, number> {
  for (const [name, input] of Object.entries(worst)) {
    if (input.length !== benign.length) {
      throw new Error(`${name}: ${input.length} characters, the benign input ${benign.length}`);
    }
  }
  fn(benign); // compile the benign path before timing
  const base = Math.max(costOf(fn, benign), costOf(onePass, benign));
  const out: Record<string, number> = {};
  for (const [name, input] of Object.entries(worst)) {
    fn(input);
    out[name] = costOf(fn, input) / base;
  }
  return out;
}

/** `unit` repeated and cut to exactly `size` characters, between `prefix` and `suffix`. */
export function fill(unit: string, size: number, prefix = "", suffix = ""): string {
  const body = size - prefix.length - suffix.length;
  return prefix + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + suffix;
}
