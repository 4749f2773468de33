/** What `untilAbort` resolves with when the signal fired first. */
export const ABORTED = Symbol("aborted");

/**
 * Resolves with `promise`, or with ABORTED as soon as the signal fires, whatever the work is
 * doing; the listener is removed again so a long run does not pile up reactions on one signal
 * or promise (a Promise.race leak).
 */
export function untilAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal,
): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}
