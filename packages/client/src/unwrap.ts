// Data-or-throw over openapi-fetch's `{ data, error, response }`. Besides HTTP errors it
// throws on the refusals this API returns with HTTP 200 and `status: "ERROR"`, on writes and on
// reads alike, which a plain `if (error)` check would let through as data. A read of one record
// that finds none answers JSON `false`: that becomes `null`, not an error, since "no such
// record" is an ordinary outcome of a lookup.
import { errorFor, type OperationRef } from "./errors.js";
import { retryAfter } from "./retry.js";

export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** An answer that refuses the call (`status: "ERROR"`, or `Status` on internal notes). */
type Refusal = { status: "ERROR" } | { Status: "ERROR" };

/**
 * One alternative of a successful answer, as `unwrap` hands it back: `false` (no such record)
 * becomes `null`, a refusal is thrown instead, and a status envelope can only say `OK`.
 */
type Settled<D> = D extends false
  ? null
  : D extends Refusal
    ? never
    : D extends { status: "OK" | "ERROR" } | { Status: "OK" | "ERROR" }
      ? { [K in keyof D]: K extends "status" | "Status" ? "OK" : D[K] }
      : D;

/**
 * The data of a successful call, as `unwrap` returns it: `null` where the server answers `false`
 * for a record it does not have, `status` narrowed to `"OK"`; `undefined` only for answers
 * without a body.
 */
export type Unwrapped<R extends FetchResult> = Settled<Exclude<R["data"], undefined>>;

export async function unwrapResult<R extends FetchResult>(
  result: R | Promise<R>,
  operations: WeakMap<Response, OperationRef>,
): Promise<Unwrapped<R>> {
  const { data, error, response } = await result;
  const operation = operations.get(response) ?? { method: "?", path: "?" };
  // openapi-fetch fills `error` exactly when the status is not 2xx.
  const body = response.ok ? data : error;
  // Refusals come with HTTP 200 and `status: "ERROR"` (some answers spell it `Status`); the
  // server explains itself in `error`, else in `info`.
  const { status, Status, error: problem, info } = (body ?? {}) as Record<string, unknown>;
  if (response.ok && status !== "ERROR" && Status !== "ERROR") {
    return (data === false && operation.method === "GET" ? null : data) as Unwrapped<R>;
  }
  throw errorFor({
    ...operation,
    status: response.status,
    serverMessage: [problem, info].find(
      (text): text is string => typeof text === "string" && !!text,
    ),
    retryAfter: retryAfter(response),
    body,
  });
}
