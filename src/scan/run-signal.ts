import { setMaxListeners } from "node:events";

/**
 * One signal for every lookup of the run, linked to the caller's once: many targets in flight
 * listen on it, which must not warn about the caller's signal (MaxListenersExceededWarning).
 */
export function runSignal(parent: AbortSignal | undefined): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => parent?.removeEventListener("abort", onAbort),
  };
}
