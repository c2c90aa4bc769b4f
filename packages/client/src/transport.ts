// The `fetch` that openapi-fetch calls. Everything that may repeat a request lives here,
// below openapi-fetch, because only at this level can the same request be sent again:
// the Authorization header (set per attempt, so a renewed OAuth token is used), the
// per-attempt time limit, retries with backoff, and the hooks, which therefore see every attempt.
import type { Authorizer } from "./auth/authorizer.js";
import type { ServiceDeskClientOptions } from "./options.js";
import { RequestRecord } from "./record.js";
import { redactHeaders } from "./redact.js";
import { isRetryable, retryDelay, type RetryPolicy } from "./retry.js";
import { aborted, sleep, type Deadline } from "./timeout.js";

/** The options of a call that the transport reads (openapi-fetch reads the others). */
export interface TransportCallSettings {
  /** `false` turns retries off for this call; other values keep the client's policy. */
  retry?: unknown;
  /** `false` sends the request without Authorization (the OAuth token request). */
  authorize?: unknown;
  /** Headers of the call's own, next to the client's. */
  headers?: unknown;
}

/**
 * The transport of a client: `fetch` and the hooks come from the client's options, `retry` is
 * the resolved policy.
 */
export function createTransport(
  // Taken out of the options so that they are not called as its methods: a browser's fetch
  // throws "Illegal invocation" when `this` is anything but the global object or undefined.
  {
    fetch = (input, init) => globalThis.fetch(input, init),
    onRequest,
    onResponse,
  }: ServiceDeskClientOptions,
  authorizer: Authorizer,
  policy: RetryPolicy | false,
): (
  request: Request | RequestRecord,
  deadline: Deadline,
  call: TransportCallSettings,
) => Promise<Response> {
  let sameView: Record<string, string> | undefined;

  // `deadline`: its signal ends the fetch (caller's abort, time limit); re-armed for each attempt.
  return async (request, deadline, { retry: perCall, authorize, headers: own }) => {
    const { method, url } = request;
    const { signal } = deadline;
    // Only `retry: false` is a per-call override: a partial policy would lack its other fields.
    const retry = perCall !== false && policy;
    const started = Date.now();
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      // The repeat after an OAuth renewal does not count against the retry policy.
      const tries = refreshed ? attempt - 1 : attempt;
      let authorization = "";
      // Waiting for an OAuth token counts against the attempt's time limit, and the caller's
      // abort ends the wait at once (the shared token request goes on for the other calls).
      if (authorize !== false) {
        const pending = authorizer.header();
        // Basic and bearer credentials are ready at once; only an OAuth token is awaited.
        authorization =
          typeof pending === "string"
            ? pending
            : ((await Promise.race([pending, aborted(signal)])) as string);
      }
      signal.throwIfAborted();
      // A record's init can be sent again as it is: its body is URLSearchParams or FormData. A Request
      // that middleware saw is copied for each attempt: its body stream can be read once, and the
      // credential must not show on the Request that middleware holds.
      const record = request instanceof RequestRecord;
      const input = record ? url : request.clone();
      const init: RequestInit = record ? request.init : {};
      const { headers } = record ? request.init : (input as Request);
      init.signal = signal;
      if (authorization) headers.set("Authorization", authorization);
      const event = (onRequest || onResponse) && {
        method,
        url,
        attempt,
        // Listing a Headers object is the dearest step of a hook, and every call that sends the
        // client's headers and a credential shows the same: that view is built once.
        headers:
          record && !own && authorization
            ? { ...(sameView ??= redactHeaders(headers)) }
            : redactHeaders(headers),
      };
      // A hook exists only with the event.
      onRequest?.(event!);
      const attemptStarted = Date.now();
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await fetch(input, init);
      } catch (error) {
        failure = error;
      }

      if (response) {
        onResponse?.({
          ...event!,
          status: response.status,
          durationMs: Date.now() - attemptStarted,
        });
      }
      // The caller's abort and the time limit are final: only real network failures repeat.
      signal.throwIfAborted();

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
            ? retryDelay(tries, response, retry)
            : -1;
        if (delay < 0 || Date.now() - started + delay > (retry as RetryPolicy).budgetMs) {
          // The answer's body is still to be read: the time limit stays armed for that, and
          // the client disarms it once openapi-fetch has parsed the body.
          if (!response) throw failure;
          return response;
        }
      }
      // Free the connection of an answer we drop. Not awaited: a cloned body only finishes
      // cancelling once every clone is cancelled.
      response?.body?.cancel().catch(() => {});
      // The wait between attempts is not part of either attempt's time limit.
      deadline.stop();
      await sleep(delay, signal);
      deadline.start();
    }
  };
}
