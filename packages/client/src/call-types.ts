// The signatures of the client's call methods. openapi-fetch's own methods infer the whole
// options object as a type parameter and add an index signature to it, so a misspelt parameter,
// body field or call option compiles (openapi-ts/openapi-typescript#2329). Here the options
// type follows from the path alone: TypeScript then checks the object literal against a fixed
// type and refuses every key it does not know, at any depth. The results stay openapi-fetch's.
import type { paths } from "@sd-toolkit/types";
import type {
  FetchResponse,
  HeadersOptions,
  Middleware,
  ParamsOption,
  ParseAs,
  RequestBodyOption,
} from "openapi-fetch";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** The paths of the description that have `method`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];

/** The options a single call may change, besides its parameters and body. */
export interface CallOptions<A extends ParseAs = ParseAs> {
  /** Headers of this call, next to the client's. */
  headers?: HeadersOptions | undefined;
  /** Aborts the call, also during a wait for a retry or an OAuth token. */
  signal?: AbortSignal | null | undefined;
  /** Time limit of each attempt of this call: a positive number of ms, `Infinity` or `false` for none. */
  timeoutMs?: number | false | undefined;
  /** `false` turns retries off for this call, the only per-call retry setting. */
  retry?: false | undefined;
  /** openapi-fetch middleware for this call only. */
  middleware?: Middleware[] | undefined;
  /** How to read the answer's body (openapi-fetch's option); default `json`. */
  parseAs?: A | undefined;
}

type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<
  paths[P][M & keyof paths[P]]
>;

/** Everything a call of `method path` accepts: its parameters, its body and the call options. */
export type CallInit<
  P extends keyof paths,
  M extends HttpMethod,
  A extends ParseAs = ParseAs,
> = ParamsOption<Operation<P, M>> & RequestBodyOption<Operation<P, M>> & CallOptions<A>;

/** The options are optional exactly when nothing in them is required. */
export type CallArgs<P extends keyof paths, M extends HttpMethod, A extends ParseAs = ParseAs> =
  Record<string, never> extends CallInit<P, M, A>
    ? [init?: CallInit<P, M, A>]
    : [init: CallInit<P, M, A>];

/** openapi-fetch's `{ data, error, response }` for the operation. */
export type CallResult<
  P extends keyof paths,
  M extends HttpMethod,
  A extends ParseAs,
> = FetchResponse<Operation<P, M>, { parseAs: A }, `${string}/${string}`>;

/** One call method of the client, e.g. `sd.GET(path, init)`. */
export type CallMethod<M extends HttpMethod> = <P extends PathsWith<M>, A extends ParseAs = "json">(
  path: P,
  ...init: CallArgs<P, M, A>
) => Promise<CallResult<P, M, A>>;
