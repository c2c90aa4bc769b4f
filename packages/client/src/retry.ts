// When and how long to wait before repeating a call. 429 means "not now" for any method, so it
// is always safe to repeat; a network error or a 502/503/504 may hide a write the server did
// apply, so by default only GET is repeated for those.

/** A method the client sends, in either case (`"GET"` or `"get"`). */
export type RetryMethod =
  | "GET"
  | "PUT"
  | "POST"
  | "PATCH"
  | "DELETE"
  | Lowercase<"GET" | "PUT" | "POST" | "PATCH" | "DELETE">;

export interface RetryOptions {
  /** Tries in total, the first one included. Default 3. */
  attempts?: number | undefined;
  /** Backoff base: retry n waits a random time in [0, baseDelayMs * 2^(n-1)]. Default 250. */
  baseDelayMs?: number | undefined;
  /** Upper bound of one wait, for backoff and for `Retry-After` alike. Default 20 000. */
  maxDelayMs?: number | undefined;
  /** No retry starts once the call has taken, or would wait past, this long. Default 60 000. */
  budgetMs?: number | undefined;
  /** Methods whose network errors and 502/503/504 answers are retried. Default `["GET"]`. */
  methods?: readonly RetryMethod[] | undefined;
}

export type RetryPolicy = {
  [K in keyof RetryOptions]-?: K extends "methods"
    ? readonly string[]
    : Exclude<RetryOptions[K], undefined>;
};

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  budgetMs: 60_000,
  methods: ["GET"],
};

/**
 * `Retry-After` of an answer in seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * `undefined` without an answer, a header or a readable value.
 */
export function retryAfter(response: Response | undefined): number | undefined {
  const value = response?.headers.get("Retry-After");
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return +value;
  const date = Date.parse(value);
  return date >= 0 ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : undefined;
}

/** `status` undefined stands for a network error (no answer at all). */
export function isRetryable(
  method: string,
  status: number | undefined,
  policy: RetryPolicy,
): boolean {
  return (
    status === 429 ||
    (policy.methods.includes(method) && (!status || (status > 501 && status < 505)))
  );
}

/**
 * Milliseconds to wait before retry number `retry` (1 for the first): the server's
 * `Retry-After` when the answer has one, else "full jitter" backoff, a random time up to
 * baseDelayMs * 2^(retry-1), which spreads clients out instead of having them retry in
 * lockstep. Both are capped by maxDelayMs.
 */
export function retryDelay(
  retry: number,
  response: Response | undefined,
  policy: RetryPolicy,
): number {
  const seconds = retryAfter(response);
  return Math.min(
    policy.maxDelayMs,
    seconds === undefined ? Math.random() * policy.baseDelayMs * 2 ** (retry - 1) : seconds * 1000,
  );
}
