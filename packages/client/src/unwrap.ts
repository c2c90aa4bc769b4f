// Data-or-throw over openapi-fetch's `{ data, error, response }`. Besides HTTP errors it
// throws on the application errors this API returns with HTTP 200 and `status: "ERROR"`,
// which a plain `if (error)` check would let through as data.
import { ServiceDeskError, type OperationRef } from "./errors.js";
import { retryAfter } from "./retry.js";

export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; `undefined` only for answers without a body. */
export type Unwrapped<R extends FetchResult> = Exclude<R["data"], undefined>;

export async function unwrapResult<R extends FetchResult>(
  result: R | Promise<R>,
  operations: WeakMap<Response, OperationRef>,
): Promise<Unwrapped<R>> {
  const { data, error, response } = await result;
  // openapi-fetch fills `error` exactly when the status is not 2xx.
  const body = response.ok ? data : error;
  // Writes report failures with HTTP 200 and `status: "ERROR"` (some answers spell it
  // `Status`); the server explains itself in `error`, else in `info`.
  const { status, Status, error: problem, info } = (body ?? {}) as Record<string, unknown>;
  if (response.ok && status !== "ERROR" && Status !== "ERROR") return data as Unwrapped<R>;
  throw new ServiceDeskError({
    ...(operations.get(response) ?? { method: "?", path: "?" }),
    status: response.status,
    serverMessage: [problem, info].find(
      (text): text is string => typeof text === "string" && !!text,
    ),
    retryAfter: retryAfter(response),
    body,
  });
}
