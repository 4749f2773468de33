import { setFlagsFromString } from "node:v8";

// V8 lets the heap grow by a generous factor after each full collection, sized for the
// machine's memory: over a long batch the live heap stays flat (~50-90 MB) while RSS settled at
// 260-320 MB. A small growth step keeps RSS near the live heap without a hard limit (which would
// turn a legitimately large window of slow targets into a crash). Unlike --max-old-space-size,
// this flag is read at each collection, so it can be set from inside the process.

/** Growth after a full collection, in percent of the live heap (V8's own default is larger). */
export const HEAP_GROWING_PERCENT = 10;

/** Makes V8 grow the heap in small steps for the rest of the process. */
export function keepHeapSmall(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
