// The signatures of the client's call methods. openapi-fetch's own methods infer the whole
// options object as a type parameter and add an index signature to it, so a misspelt parameter,
// body field or call option compiles (openapi-ts/openapi-typescript#2329). Here the options
// type follows from the path alone: TypeScript then checks the object literal against a fixed
// type and refuses every key it does not know, at any depth. The results have openapi-fetch's
// `{ data, error, response }` shape.
//
// None of these declarations names a type of openapi-fetch: the published declarations then do
// not pull openapi-fetch's into a user's program, where, with `skipLibCheck: false`, checking
// them (the variance of its generic `Client` and `ClientMethod`) was most of the cost of
// importing the client (`npm run bench:types`, docs/adr/0038).
import type { paths } from "@sd-toolkit/types";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** The paths of the description that have `method`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];

/** Headers of a call, as openapi-fetch takes them: `null` or `undefined` leaves one out. */
export type HeadersOptions =
  | HeadersInit
  | Record<string, string | number | boolean | (string | number | boolean)[] | null | undefined>;

/** How to read the answer's body (openapi-fetch's `parseAs`). */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";

/** What an openapi-fetch middleware callback receives. */
export interface MiddlewareCallbackParams {
  /** The request about to be sent (`onRequest`), or the one that was sent. */
  request: Request;
  /** The path as the description names it (`/incident`). */
  readonly schemaPath: string;
  /** The call's parameters. */
  readonly params: {
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
    path?: Record<string, unknown>;
    cookie?: Record<string, unknown>;
  };
  /** A unique id of the call. */
  readonly id: string;
  /** The client's merged options (base URL, serializers, ...). */
  readonly options: object;
}

type Maybe<T> = T | undefined | void | Promise<T | undefined | void>;

/**
 * openapi-fetch middleware, for `sd.use()` and a call's `middleware`: any of the three callbacks.
 * (Methods, so that middleware typed with openapi-fetch's own `Middleware` fits as it is.)
 */
export interface Middleware {
  onRequest?(options: MiddlewareCallbackParams): Maybe<Request | Response>;
  onResponse?(options: MiddlewareCallbackParams & { response: Response }): Maybe<Response>;
  onError?(options: MiddlewareCallbackParams & { error: unknown }): Maybe<Response | Error>;
}

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

/**
 * Stands for `body` where an operation takes none: a GET or DELETE sends its parameters in
 * `params.query`. No value has this type, and a compiler error names it.
 */
export interface NoBodyUseParamsQuery {
  readonly "this operation takes no body: its parameters go in params.query": never;
}

/**
 * Stands for `params.query` where an operation takes no query parameters: a write sends its
 * fields in `body`. No value has this type, and a compiler error names it.
 */
export interface NoQueryUseBody {
  readonly "this operation takes no query parameters: its fields go in body": never;
}

/** `params`, required exactly when a parameter is. */
type ParamsOf<O> = O extends { parameters: infer Params }
  ? Partial<Params> extends Params
    ? { params?: WithQuery<Params> }
    : { params: WithQuery<Params> }
  : { params?: never };

/** The parameters, with `NoQueryUseBody` where the operation has no query parameter. */
type WithQuery<Params> = Params extends { query?: never }
  ? { [K in keyof Params]: K extends "query" ? NoQueryUseBody : Params[K] }
  : Params;

/** The media types' contents of a request body or an answer. */
type ContentOf<T> = T extends { content: infer Content } ? Content[keyof Content] : never;

/** `body`, typed from the operation's request body; required unless the body is optional. */
type BodyOf<O> = O extends { requestBody: infer Body }
  ? { body: ContentOf<Body> }
  : O extends { requestBody?: infer Body }
    ? [ContentOf<NonNullable<Body>>] extends [never]
      ? { body?: NoBodyUseParamsQuery }
      : { body?: ContentOf<NonNullable<Body>> }
    : { body?: NoBodyUseParamsQuery };

/** Everything a call of `method path` accepts: its parameters, its body and the call options. */
export type CallInit<
  P extends keyof paths,
  M extends HttpMethod,
  A extends ParseAs = ParseAs,
> = ParamsOf<Operation<P, M>> & BodyOf<Operation<P, M>> & CallOptions<A>;

/** The options are optional exactly when nothing in them is required. */
export type CallArgs<P extends keyof paths, M extends HttpMethod, A extends ParseAs = ParseAs> =
  Record<string, never> extends CallInit<P, M, A>
    ? [init?: CallInit<P, M, A>]
    : [init: CallInit<P, M, A>];

type Responses<O> = O extends { responses: infer R } ? R : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | "2XX";
type AnswerOf<O, Status> = ContentOf<Responses<O>[keyof Responses<O> & Status]>;
/** The data as `parseAs` reads it. */
type Parsed<Data, A extends ParseAs> = A extends "text"
  ? string
  : A extends "blob"
    ? Blob
    : A extends "arrayBuffer"
      ? ArrayBuffer
      : A extends "stream"
        ? ReadableStream<Uint8Array> | null
        : Data;

/** openapi-fetch's `{ data, error, response }` for the operation. */
export type CallResult<P extends keyof paths, M extends HttpMethod, A extends ParseAs> =
  | {
      data: Parsed<AnswerOf<Operation<P, M>, SuccessStatus>, A>;
      error?: never;
      response: Response;
    }
  | {
      data?: never;
      error: AnswerOf<Operation<P, M>, Exclude<keyof Responses<Operation<P, M>>, SuccessStatus>>;
      response: Response;
    };

/** One call method of the client, e.g. `sd.GET(path, init)`. */
export type CallMethod<M extends HttpMethod> = <P extends PathsWith<M>, A extends ParseAs = "json">(
  path: P,
  ...init: CallArgs<P, M, A>
) => Promise<CallResult<P, M, A>>;
