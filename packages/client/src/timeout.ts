// Timers of a call: one deadline per call, merged with the caller's AbortSignal and re-armed for
// each attempt, and an abortable pause between retries.

export interface Deadline {
  /** Aborts when the caller aborts (with the caller's reason) or when an attempt runs out of time. */
  signal: AbortSignal;
  /** Arms the time limit for one attempt, replacing the previous attempt's (the first is armed at creation). */
  start(): void;
  /** Disarms the time limit (while waiting between attempts). */
  stop(): void;
  /** Disarms it and lets go of the caller's signal; call it once the call has ended. */
  clear(): void;
}

/** A deadline, armed for the first attempt. */
export function createDeadline(
  caller: AbortSignal | null | undefined,
  timeoutMs: number | false,
  timeoutReason?: () => Error,
): Deadline {
  const controller = new AbortController();
  const follow = () => controller.abort(caller!.reason);
  if (caller?.aborted) follow();
  else caller?.addEventListener("abort", follow);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => clearTimeout(timer);
  const start = () => {
    stop();
    if (timeoutMs !== false)
      timer = setTimeout(() => controller.abort(timeoutReason?.()), timeoutMs);
  };
  start();
  return {
    signal: controller.signal,
    start,
    stop,
    clear() {
      stop();
      caller?.removeEventListener("abort", follow);
    },
  };
}

/**
 * Resolves once `signal` aborts (at once if it already has). Only used on the signal of one
 * call's deadline, so the listener goes away with it.
 */
export const aborted = (signal: AbortSignal): Promise<unknown> =>
  new Promise((resolve) =>
    signal.aborted ? resolve(0) : signal.addEventListener("abort", resolve),
  );

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  const pause = createDeadline(signal, ms);
  await aborted(pause.signal);
  pause.clear();
  signal.throwIfAborted();
}
