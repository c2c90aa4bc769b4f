// Keeps the calls sent to a live instance under two caps: how many are in flight at once, and
// how many start in any one-second window. Calls over a cap wait their turn in arrival order;
// none is dropped.

export interface LimiterOptions {
  /** Calls started per second, at most (any sliding window of 1,000 ms). */
  rps: number;
  /** Calls in flight at once, at most. */
  concurrency: number;
  /** Milliseconds on a monotonic clock; `performance.now()` by default. */
  now?: () => number;
}

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Calls waiting for their turn. */
  readonly waiting: number;
}

const WINDOW_MS = 1000;

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? (() => performance.now());
  // Below one call per second the window is stretched instead: one call per 1/rps seconds.
  const perWindow = Math.max(1, Math.floor(options.rps));
  const windowMs = options.rps >= 1 ? WINDOW_MS : WINDOW_MS / options.rps;
  const queue: Array<() => void> = [];
  const starts: number[] = [];
  let active = 0;
  let timer: NodeJS.Timeout | undefined;

  const pump = () => {
    while (queue.length > 0 && active < options.concurrency) {
      const time = now();
      while (starts.length > 0 && time - starts[0]! >= windowMs) starts.shift();
      if (starts.length >= perWindow) {
        if (!timer) {
          timer = setTimeout(
            () => {
              timer = undefined;
              pump();
            },
            Math.max(1, Math.ceil(starts[0]! + windowMs - time)),
          );
        }
        return;
      }
      starts.push(time);
      active += 1;
      queue.shift()!();
    }
  };

  return {
    run(task) {
      return new Promise((resolve, reject) => {
        queue.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              pump();
            });
        });
        pump();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}
