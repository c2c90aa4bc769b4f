// Timers of the transport: a per-attempt deadline merged with the caller's AbortSignal, and an
// abortable pause between retries (the same deadline, waited out).

export interface Deadline {
  /** Aborts when the caller aborts (with the caller's reason) or when the time is up. */
  signal: AbortSignal;
  /** Stops the timer and the caller link; call it as soon as the attempt settles. */
  clear(): void;
}

export function startDeadline(
  caller: AbortSignal,
  timeoutMs: number | false,
  timeoutReason?: () => Error,
): Deadline {
  const controller = new AbortController();
  const follow = () => controller.abort(caller.reason);
  if (caller.aborted) follow();
  else caller.addEventListener("abort", follow);
  const timer =
    timeoutMs === false
      ? undefined
      : setTimeout(() => controller.abort(timeoutReason?.()), timeoutMs);
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      caller.removeEventListener("abort", follow);
    },
  };
}

/**
 * Resolves once `signal` aborts (at once if it already has). Only used on the short-lived signal
 * of a Deadline, so the listener goes away with it.
 */
export const aborted = (signal: AbortSignal): Promise<unknown> =>
  new Promise((resolve) =>
    signal.aborted ? resolve(0) : signal.addEventListener("abort", resolve),
  );

/** Waits `ms`, or rejects with the caller's abort reason as soon as the caller aborts. */
export async function sleep(ms: number, caller: AbortSignal): Promise<void> {
  const pause = startDeadline(caller, ms);
  await aborted(pause.signal);
  pause.clear();
  caller.throwIfAborted();
}
