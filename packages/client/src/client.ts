// createServiceDeskClient: openapi-fetch configured for this API. openapi-fetch keeps the typed
// `{ data, error, response }` calls; the wire rules plug in as its query and body serializers;
// auth, timeouts, retries and hooks sit in the transport passed as its `fetch`.
import type { paths } from "@sd-toolkit/types";
import createClient, {
  mergeHeaders,
  type Client,
  type HeadersOptions,
  type Middleware,
} from "openapi-fetch";
import { createAuthorizer } from "./auth/index.js";
import type { TokenAnswer } from "./auth/oauth.js";
import type { OperationRef } from "./errors.js";
import { pages, version } from "./generated/manifest.js";
import { resolveOptions, type ServiceDeskClientOptions } from "./options.js";
import { walkPages, type PageArgs, type PageItem, type PagedPath } from "./paginate.js";
import { FORM, MULTIPART, mediaTypeFor, serializeBody } from "./serialize/body.js";
import { serializeQuery } from "./serialize/query.js";
import { createTransport } from "./transport.js";
import { unwrapResult, type FetchResult, type Unwrapped } from "./unwrap.js";

type Core = Client<paths>;

export interface ServiceDeskClient {
  GET: Core["GET"];
  POST: Core["POST"];
  PUT: Core["PUT"];
  PATCH: Core["PATCH"];
  DELETE: Core["DELETE"];
  /** Register openapi-fetch middleware. */
  use(...middleware: Middleware[]): void;
  /** Unregister openapi-fetch middleware. */
  eject(...middleware: Middleware[]): void;
  /**
   * The data of a call, or a thrown `ServiceDeskError` for an HTTP error and for an application
   * error (HTTP 200 with `status: "ERROR"`): `const incident = await sd.unwrap(sd.GET(...))`.
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

type WriteMethod = "POST" | "PUT" | "PATCH";
type WriteInit = { body?: unknown; headers?: HeadersOptions } | undefined;

export function createServiceDeskClient(options: ServiceDeskClientOptions): ServiceDeskClient {
  const { baseUrl, timeoutMs, retry } = resolveOptions(options);
  // Each answer the transport returns, with its operation (for unwrap's errors) and the stop of
  // its deadline.
  const sent = new WeakMap<Response, [OperationRef, () => void]>();

  const transport = createTransport({
    fetch: options.fetch ?? ((request) => fetch(request)),
    authorizer: createAuthorizer(
      options,
      baseUrl,
      (url, body) =>
        unwrap(
          postToken(url, { body, headers: { "Content-Type": FORM }, authorize: false }),
        ) as Promise<TokenAnswer>,
    ),
    timeoutMs,
    retry,
    // openapi-fetch builds URLs as base URL + endpoint + query, so this recovers the endpoint
    // (the token URL, outside the API, stays whole).
    operationOf: ({ method, url }) => ({ method, path: url.replace(baseUrl, "").split("?")[0]! }),
    onRequest: options.onRequest,
    onResponse: options.onResponse,
    sent,
  });
  const settings = {
    headers: { "User-Agent": `sd-toolkit-client/${version}`, ...options.headers },
    querySerializer: serializeQuery,
    bodySerializer: serializeBody,
    fetch: transport,
  };
  const core = createClient<paths>({ baseUrl, ...settings });
  // Each call stops the deadline of its answer once openapi-fetch has read the body: until then
  // the timeout and the caller's abort still apply (see the transport).
  const settled =
    <F extends (...args: never[]) => Promise<FetchResult>>(call: F) =>
    async (...args: Parameters<F>) => {
      const result = await call(...args);
      sent.get(result.response)?.[1]();
      return result;
    };
  const get = settled(core.GET as (path: string, init?: object) => Promise<FetchResult>);
  // The token request goes through the same transport (timeout, 429 handling, hooks, errors)
  // but through a client of its own, out of reach of the middleware registered with `sd.use()`:
  // its body holds the client secret, and a middleware that returned a new Request would drop
  // its `authorize: false` mark, so that the token request would wait for itself forever.
  const postToken = settled(
    createClient(settings).POST as unknown as (url: string, init: object) => Promise<FetchResult>,
  );

  // Writes pick their media type from the description; the Content-Type header carries the
  // choice to serializeBody (no header for multipart: fetch adds it with the boundary).
  const write = (method: WriteMethod) =>
    ((path: string, init?: WriteInit) => {
      const type = init?.body === undefined ? MULTIPART : mediaTypeFor(method, path, init.body);
      return settled(core[method] as (path: string, init?: WriteInit) => Promise<FetchResult>)(
        path,
        type === MULTIPART
          ? init
          : { ...init, headers: mergeHeaders({ "Content-Type": type }, init?.headers) },
      );
    }) as Core[WriteMethod];

  const unwrap = <R extends FetchResult>(result: R | Promise<R>) => unwrapResult(result, sent);

  return {
    GET: get as Core["GET"],
    POST: write("POST"),
    PUT: write("PUT"),
    PATCH: write("PATCH"),
    DELETE: settled(
      core.DELETE as (path: string, init?: object) => Promise<FetchResult>,
    ) as Core["DELETE"],
    use: core.use,
    eject: core.eject,
    unwrap,
    paginate(path, ...[init]) {
      const { maxItems, params } = (init ?? {}) as {
        maxItems?: number;
        params?: { query?: object };
      };
      const [kind, field] = pages[path as keyof typeof pages];
      return walkPages(
        kind,
        field,
        { ...params?.query },
        (query) => unwrap(get(path, { ...init, params: { ...params, query } })),
        maxItems,
      ) as AsyncGenerator<never, void, undefined>;
    },
  };
}
