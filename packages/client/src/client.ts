// createServiceDeskClient: openapi-fetch configured for this API. openapi-fetch keeps the typed
// `{ data, error, response }` calls; the wire rules plug in as its query and body serializers;
// auth, retries and hooks sit in the transport, which each call hands openapi-fetch as its
// `fetch` together with the call's deadline.
import type { paths } from "@sd-toolkit/types";
import createClient, { type Middleware as FetchMiddleware } from "openapi-fetch";
import { createAuthorizer } from "./auth/index.js";
import type { CallMethod, HeadersOptions, Middleware } from "./call-types.js";
import type { TokenAnswer } from "./auth/oauth.js";
import { ServiceDeskTimeoutError, type OperationRef } from "./errors.js";
import { pages, version } from "./generated/manifest.js";
import { fail, resolveOptions, timeLimit, type ServiceDeskClientOptions } from "./options.js";
import {
  walkPages,
  type PageArgs,
  type PageItem,
  type PagedPath,
  type PageRule,
} from "./paginate.js";
import { serializeBody } from "./serialize/body.js";
import { serializeQuery } from "./serialize/query.js";
import { RequestRecord } from "./record.js";
import { createDeadline } from "./timeout.js";
import { createTransport } from "./transport.js";
import { unwrapResult, type FetchResult, type Unwrapped } from "./unwrap.js";

export interface ServiceDeskClient {
  GET: CallMethod<"get">;
  POST: CallMethod<"post">;
  PUT: CallMethod<"put">;
  PATCH: CallMethod<"patch">;
  DELETE: CallMethod<"delete">;
  /** Register openapi-fetch middleware. */
  use(...middleware: Middleware[]): void;
  /** Unregister openapi-fetch middleware. */
  eject(...middleware: Middleware[]): void;
  /**
   * The data of a call, or a thrown `ServiceDeskError` (of a subclass: refused, auth, rate limit)
   * for an HTTP error and for a refusal (HTTP 200 with `status: "ERROR"`, on reads and writes):
   * `const incident = await sd.unwrap(sd.GET(...))`. A read's `false` ("no such record")
   * becomes `null`; a status envelope's `status` is typed `"OK"`.
   */
  unwrap<R extends FetchResult>(result: R | Promise<R>): Promise<Unwrapped<R>>;
  /**
   * Iterates over the items of a paged GET operation across all its pages:
   * `for await (const user of sd.paginate("/users.by", { params: { query } })) ...`
   */
  paginate<P extends PagedPath>(
    path: P,
    ...init: PageArgs<P>
  ): AsyncGenerator<PageItem<P>, void, undefined>;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
/** The options of a call as the untyped call function sees them: what the client reads itself;
 * openapi-fetch reads the rest. (The public, typed `CallInit` is in call-types.ts.) */
type RawCallInit = {
  headers?: HeadersOptions;
  signal?: AbortSignal | null;
  timeoutMs?: unknown;
  retry?: unknown;
  middleware?: Middleware[];
} & Record<string, unknown>;
type Send = (path: string, init?: object) => Promise<FetchResult>;

export function createServiceDeskClient(options: ServiceDeskClientOptions): ServiceDeskClient {
  const { baseUrl, timeoutMs, retry } = resolveOptions(options);
  // The operation of each answer, for unwrap()'s errors.
  const sent = new WeakMap<Response, OperationRef>();
  let observed = false;

  const transport = createTransport(
    options,
    createAuthorizer(
      options,
      baseUrl,
      (url, body) => unwrap(postToken(url, { body, authorize: false })) as Promise<TokenAnswer>,
    ),
    retry,
  );
  // No Content-Type of openapi-fetch's (it would say JSON): fetch derives it from the body.
  const ownHeaders = { "User-Agent": `sd-toolkit-client/${version}`, "Content-Type": null };
  const core = createClient<paths>({
    baseUrl,
    headers: { ...ownHeaders, ...options.headers },
    querySerializer: serializeQuery,
  });

  // Every call passes here. It arms the call's deadline, which the transport passes to fetch
  // and re-arms for each attempt, and disarms it only once openapi-fetch has read the answer's
  // body, which a server can stall too. Its context reaches the transport through openapi-fetch's
  // per-call `fetch`, which also survives a middleware that replaces the Request.
  const call =
    (method: Method, send: Send) =>
    async (path: string, init: RawCallInit = {}): Promise<FetchResult> => {
      const operation = { method, path };
      // Checked like the client's options: a bad time limit would otherwise fire at once.
      const where = `${method} ${path}: `;
      const limit = timeLimit(init.timeoutMs ?? timeoutMs, where);
      if ((init.retry ?? false) !== false) fail("retry", "can only be false per call", where);
      const deadline = createDeadline(
        init.signal,
        limit,
        () => new ServiceDeskTimeoutError(operation, limit as number),
      );
      try {
        const result = await send(path, {
          ...init,
          // The caller's signal reaches fetch through the deadline. On openapi-fetch's Request
          // it would only add a second signal link, one of the dearest steps of a call.
          signal: null,
          // Middleware needs real Requests; without it a RequestRecord is enough (see there).
          Request: observed || init.middleware ? undefined : RequestRecord,
          bodySerializer: (body: unknown) => serializeBody(method, path, body),
          fetch: (request: Request | RequestRecord) => transport(request, deadline, init),
        });
        sent.set(result.response, operation);
        return result;
      } finally {
        deadline.clear();
      }
    };
  const calls = Object.fromEntries(
    METHODS.map((method) => [method, call(method, core[method] as Send)]),
  ) as Pick<ServiceDeskClient, Method>;
  // The token request goes through the same transport (timeout, 429 handling, hooks, errors)
  // but through a client of its own, out of reach of the middleware registered with `sd.use()`:
  // its body holds the client secret, and a middleware that returned a new Request would drop
  // its `authorize: false` mark, so that the token request would wait for itself forever.
  // It sends the client's own headers only: the caller's `headers` are meant for the API (a
  // gateway key, say), and the token URL may be another host.
  const postToken = call("POST", createClient({ headers: ownHeaders }).POST as unknown as Send);

  const unwrap = <R extends FetchResult>(result: R | Promise<R>) => unwrapResult(result, sent);

  return {
    ...calls,
    use(...middleware) {
      // From now on openapi-fetch builds real Requests, which middleware can read and replace.
      observed = true;
      core.use(...(middleware as FetchMiddleware[]));
    },
    eject: core.eject as ServiceDeskClient["eject"],
    unwrap,
    paginate(path, ...[init]) {
      const { maxItems, params } = (init ?? {}) as {
        maxItems?: number;
        params?: { query?: object };
      };
      return walkPages(
        pages[path as keyof typeof pages] as PageRule,
        { ...params?.query },
        (query) => unwrap(calls.GET(path, { ...init, params: { ...params, query } } as never)),
        maxItems,
      ) as AsyncGenerator<never, void, undefined>;
    },
  };
}
