// The `fetch` that openapi-fetch calls. Everything that may repeat a request lives here,
// below openapi-fetch, because only at this level can the same request be sent again:
// the Authorization header (set per attempt, so a renewed OAuth token is used), the
// per-attempt timeout, retries with backoff, and the hooks, which therefore see every attempt.
import type { Authorizer } from "./auth/index.js";
import { ServiceDeskTimeoutError, type OperationRef } from "./errors.js";
import type { RequestEvent, ResponseEvent } from "./options.js";
import { redactHeaders } from "./redact.js";
import { isRetryable, parseRetryAfter, retryDelay, type RetryPolicy } from "./retry.js";
import { aborted, sleep, startDeadline } from "./timeout.js";

export interface TransportOptions {
  fetch: (request: Request) => Promise<Response>;
  authorizer: Authorizer;
  timeoutMs: number | false;
  retry: RetryPolicy | false;
  /** Names the operation of a request (`GET /incident`) for errors. */
  operationOf: (request: Request) => OperationRef;
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /**
   * Remembers, for each returned answer, its operation (for `unwrap()`'s errors) and how to stop
   * its deadline once the body has been read.
   */
  sent: WeakMap<Response, [OperationRef, () => void]>;
}

/** Per-call overrides: openapi-fetch copies unknown keys of a call's options onto its Request. */
export interface CallOverrides {
  timeoutMs?: number | false;
  retry?: false;
  /** `false` sends the request without Authorization (the OAuth token request). */
  authorize?: false;
}

export function createTransport(
  options: TransportOptions,
): (request: Request) => Promise<Response> {
  // Taken out of `options` so that they are not called as its methods: a browser's fetch
  // throws "Illegal invocation" when `this` is anything but the global object or undefined.
  const { fetch, authorizer, onRequest, onResponse } = options;

  return async (request: Request & CallOverrides) => {
    const { method, signal: caller } = request;
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    // Only `retry: false` is a per-call override: a partial policy would lack its other fields.
    const retry = request.retry !== false && options.retry;
    const started = Date.now();
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      // The repeat after an OAuth renewal does not count against the retry policy.
      const tries = refreshed ? attempt - 1 : attempt;
      const deadline = startDeadline(
        caller,
        timeoutMs,
        () => new ServiceDeskTimeoutError(options.operationOf(request), timeoutMs as number),
      );
      let authorization = "";
      let event: RequestEvent | undefined;
      let attemptStarted = 0;
      let response: Response | undefined;
      let failure: unknown;
      // Everything from here to the answer runs under the deadline, and the finally clause stops
      // its timer whatever throws (a hook, a consumed body): a timer left running would keep the
      // process alive for up to timeoutMs after the call has ended.
      try {
        // Waiting for an OAuth token counts against the attempt's time limit, and the caller's
        // abort ends the wait at once (the shared token request goes on for the other calls).
        if (request.authorize !== false) {
          const pending = authorizer.authorization();
          // Basic and bearer credentials are ready at once; only an OAuth token is awaited.
          authorization =
            typeof pending === "string"
              ? pending
              : ((await Promise.race([pending, aborted(deadline.signal)])) as string);
        }
        deadline.signal.throwIfAborted();
        // A body stream can be read once: every attempt sends a copy so that a retry still has it.
        const outgoing = new Request(request.body ? request.clone() : request, {
          signal: deadline.signal,
        });
        if (authorization) outgoing.headers.set("Authorization", authorization);
        event = (onRequest || onResponse) && {
          method,
          url: request.url,
          attempt,
          headers: redactHeaders(outgoing.headers),
        };
        if (event) onRequest?.(event);
        attemptStarted = Date.now();
        try {
          response = await fetch(outgoing);
        } catch (error) {
          failure = error;
        }
      } finally {
        // An answer keeps its deadline while openapi-fetch reads its body (a server can send
        // headers and then stall); the client stops it once the call returns.
        if (!response) deadline.clear();
      }

      if (event && response) {
        onResponse?.({
          ...event,
          status: response.status,
          durationMs: Date.now() - attemptStarted,
        });
      }
      // The caller's abort and our timeout are final: only real network failures repeat. (An
      // abort leaves no answer, so the finally clause above has already stopped the deadline.)
      if (deadline.signal.aborted) throw deadline.signal.reason;

      let delay = 0;
      if (
        response?.status === 401 &&
        authorization &&
        !refreshed &&
        authorizer.refresh?.(authorization)
      ) {
        // An OAuth token can be revoked or expire early: renew it and repeat the call once, at
        // once, outside the retry count.
        refreshed = true;
      } else {
        delay =
          retry && tries < retry.attempts && isRetryable(method, response?.status, retry)
            ? retryDelay(
                tries,
                response && parseRetryAfter(response.headers.get("Retry-After"), Date.now()),
                retry,
              )
            : -1;
        if (delay < 0 || Date.now() - started + delay > (retry as RetryPolicy).budgetMs) {
          if (!response) throw failure;
          options.sent.set(response, [options.operationOf(request), deadline.clear]);
          return response;
        }
      }
      // Free the connection of an answer we drop. Not awaited: a cloned body only finishes
      // cancelling once every clone is cancelled.
      deadline.clear();
      response?.body?.cancel().catch(() => {});
      await sleep(delay, caller);
    }
  };
}
