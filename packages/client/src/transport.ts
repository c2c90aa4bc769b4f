// The `fetch` that openapi-fetch calls. Everything that may repeat a request lives here,
// below openapi-fetch, because only at this level can the same request be sent again:
// the Authorization header (set per attempt, so a renewed OAuth token is used), the
// per-attempt timeout, retries with backoff, and the hooks, which therefore see every attempt.
import type { Authorizer } from "./auth/index.js";
import { ServiceDeskTimeoutError, type OperationRef } from "./errors.js";
import type { RequestEvent, ResponseEvent } from "./options.js";
import { redactHeaders } from "./redact.js";
import { isRetryable, parseRetryAfter, retryDelay, type RetryPolicy } from "./retry.js";
import { sleep, startDeadline } from "./timeout.js";

export interface TransportOptions {
  fetch: (request: Request) => Promise<Response>;
  authorizer: Authorizer;
  timeoutMs: number | false;
  retry: RetryPolicy | false;
  /** Names the operation of a request (`GET /incident`) for errors. */
  operationOf: (request: Request) => OperationRef;
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Remembers which operation each returned answer belongs to, for `unwrap()`'s errors. */
  sent: WeakMap<Response, OperationRef>;
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
  const { authorizer, onRequest, onResponse } = options;

  return async (request: Request & CallOverrides) => {
    const { method, signal: caller } = request;
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const retry = request.retry ?? options.retry;
    const started = Date.now();
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      // The repeat after an OAuth renewal does not count against the retry policy.
      const tries = refreshed ? attempt - 1 : attempt;
      const authorization = request.authorize === false ? "" : await authorizer.authorization();
      const attemptStarted = Date.now();
      const deadline = startDeadline(
        caller,
        timeoutMs,
        () => new ServiceDeskTimeoutError(options.operationOf(request), timeoutMs as number),
      );
      // A body stream can be read once: every attempt sends a copy so that a retry still has it.
      const outgoing = new Request(request.body ? request.clone() : request, {
        signal: deadline.signal,
      });
      if (authorization) outgoing.headers.set("Authorization", authorization);
      const event = (onRequest || onResponse) && {
        method,
        url: request.url,
        attempt,
        headers: redactHeaders(outgoing.headers),
      };
      if (event) onRequest?.(event);

      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await options.fetch(outgoing);
      } catch (error) {
        failure = error;
      } finally {
        deadline.clear();
      }

      if (event && response) {
        onResponse?.({
          ...event,
          status: response.status,
          durationMs: Date.now() - attemptStarted,
        });
      }
      // The caller's abort and our timeout are final: only real network failures repeat.
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
          options.sent.set(response, options.operationOf(request));
          return response;
        }
      }
      // Free the connection of an answer we drop. Not awaited: a cloned body only finishes
      // cancelling once every clone is cancelled.
      response?.body?.cancel().catch(() => {});
      await sleep(delay, caller);
    }
  };
}
