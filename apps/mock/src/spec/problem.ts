// Error answers of the front, as RFC 9457 problem details. Each also carries `error` (the
// description's ErrorBody: `{error, status}`), so clients written for the real server's error
// body read the mock's too. Under /api/v1 they go out as `application/json`, the media type
// the description (and production) gives the API's errors; elsewhere, or when the request's
// Accept names it, as `application/problem+json` (docs/adr/0032-api-errors-as-json.md).
import type { ServerResponse } from "node:http";

export interface InvalidParam {
  /** The parameter as it travels on the wire: `user_id`, `ids[1]`, `key_values[color]`. */
  name: string;
  /** What is wrong, as the end of a sentence that starts with the name. */
  reason: string;
  /** What the description wants there. */
  expected: string;
  /** What arrived, shortened; absent when nothing did. */
  received?: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** The parameters at fault, for 400, 422 (Prefer) and 428. */
  invalid_params?: InvalidParam[];
  /** Extra response headers (Allow, WWW-Authenticate, ...). */
  headers?: Record<string, string>;
}

/** A problem the front raises while reading a request; the server turns it into the answer. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ProblemError";
  }
}

const TYPE_BASE = "urn:sd-toolkit:mock:problem:";

/** Short machine names for the `type` member, one per kind of failure. */
const TYPES: Record<number, string> = {
  400: "malformed-request",
  401: "missing-credentials",
  404: "unknown-path",
  405: "method-not-allowed",
  406: "not-acceptable",
  408: "request-timeout",
  413: "body-too-large",
  415: "unsupported-media-type",
  422: "unusable-prefer",
  428: "invalid-parameters",
  431: "headers-too-large",
  500: "mock-failure",
};

export function problemBody(problem: Problem, instance?: string): string {
  return JSON.stringify({
    type: TYPE_BASE + (TYPES[problem.status] ?? "error"),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(instance === undefined ? {} : { instance }),
    ...(problem.invalid_params ? { invalid_params: problem.invalid_params } : {}),
    error: problem.detail,
  });
}

const jsonErrors = new WeakSet<ServerResponse>();

/** Errors of this answer go out as `application/json`: the request was an API call. */
export function answerErrorsAsJson(res: ServerResponse): void {
  jsonErrors.add(res);
}

/** True when an Accept header names the problem details media type itself. */
export function asksForProblemJson(accept: string | undefined): boolean {
  return (
    accept !== undefined && /(?:^|[\s,])application\/problem\+json(?:\s*(?:[;,]|$))/i.test(accept)
  );
}

export function sendProblem(res: ServerResponse, problem: Problem, instance?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = problemBody(problem, instance);
  res.statusCode = problem.status;
  for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
  res.setHeader(
    "content-type",
    jsonErrors.has(res) ? "application/json" : "application/problem+json",
  );
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

/**
 * A missing or invalid parameter: 428, as the real server answers it, with `error` and
 * `status` where its clients look, and `invalid_params` naming each offending parameter.
 */
export function invalidParameters(params: InvalidParam[]): Problem {
  const detail = params.map((p) => `${p.name} ${p.reason}`).join("; ");
  return {
    status: 428,
    title: "Invalid parameters",
    detail: `${params.length === 1 ? "One parameter is" : `${params.length} parameters are`} invalid: ${detail}.`,
    invalid_params: params,
  };
}
