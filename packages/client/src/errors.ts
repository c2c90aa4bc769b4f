// Errors the client throws: one base class, and a subclass per situation a caller handles apart
// (refused, not signed in, rate limited, timed out), so `instanceof ServiceDeskError` catches them
// all and a narrower `instanceof` picks one. They carry what a caller needs to react (HTTP status, operation,
// the server's own message, Retry-After) and nothing that could hold a credential: no request,
// no headers. That keeps them safe to log, serialise with JSON.stringify and print with
// util.inspect.

/** A call as the description names it: method and endpoint. */
export interface OperationRef {
  /** HTTP method, upper case. */
  method: string;
  /** Endpoint as in the description (`/incident`), without the query. */
  path: string;
}

export interface ServiceDeskErrorDetails extends OperationRef {
  /** HTTP status of the answer; 200 for an application error (`status: "ERROR"`). */
  status: number;
  /** The server's explanation (`error` or `info` of the answer), when it gave one. */
  serverMessage?: string | undefined;
  /** Seconds to wait before trying again, from the `Retry-After` header. */
  retryAfter?: number | undefined;
  /** The parsed body of the answer. */
  body?: unknown;
}

export class ServiceDeskError extends Error {
  override name = "ServiceDeskError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
  declare readonly serverMessage?: string;
  declare readonly retryAfter?: number;
  declare readonly body?: unknown;

  /** `problem` replaces the default "failed with HTTP <status>: <server message>". */
  constructor(details: ServiceDeskErrorDetails, problem?: string) {
    const { status, serverMessage } = details;
    super(
      `${details.method} ${details.path} ` +
        (problem ??
          `failed with ${status === 200 ? "status ERROR" : `HTTP ${status}`}` +
            (serverMessage ? `: ${serverMessage}` : "")),
    );
    Object.assign(this, details);
  }

  /** The fields above plus `name` and `message` (the own fields hold no credentials). */
  toJSON(): ServiceDeskErrorDetails & { name: string; message: string } {
    return { ...this, message: this.message };
  }
}

/** A call got no answer within its time limit. `status` is 0: no HTTP answer arrived. */
export class ServiceDeskTimeoutError extends ServiceDeskError {
  override name = "ServiceDeskTimeoutError";
  declare readonly timeoutMs: number;

  constructor(operation: OperationRef, timeoutMs: number) {
    // timeoutMs joins the details that ServiceDeskError copies onto the error.
    super(
      { ...operation, status: 0, timeoutMs } as ServiceDeskErrorDetails,
      `timed out after ${timeoutMs} ms`,
    );
  }
}

/**
 * The server refused the call in an answer with HTTP 200 and `status: "ERROR"` (`Status` on
 * internal notes): a write it did not apply, or a read it declined (a list called without the
 * identifier it needs). `status` is 200, `serverMessage` the server's `error` or `info`.
 */
export class ServiceDeskRefusedError extends ServiceDeskError {
  override name = "ServiceDeskRefusedError";
}

/** HTTP 401 (credentials refused or expired) or 403 (an OAuth token without the scope). */
export class ServiceDeskAuthError extends ServiceDeskError {
  override name = "ServiceDeskAuthError";
}

/**
 * HTTP 429 that outlasted the retries (or with `retry: false`); `retryAfter` holds the seconds
 * the server asked to wait, when it sent `Retry-After`.
 */
export class ServiceDeskRateLimitError extends ServiceDeskError {
  override name = "ServiceDeskRateLimitError";
}

/** The error for an answer the client does not pass on as data, of the class that fits it. */
export function errorFor(details: ServiceDeskErrorDetails): ServiceDeskError {
  const { status } = details;
  return new (
    status === 200
      ? ServiceDeskRefusedError
      : status === 401 || status === 403
        ? ServiceDeskAuthError
        : status === 429
          ? ServiceDeskRateLimitError
          : ServiceDeskError
  )(details);
}
