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
import { MULTIPART, mediaTypeFor, serializeBody } from "./serialize/body.js";
import { serializeQuery } from "./serialize/query.js";
import { createTransport, type CallOverrides } from "./transport.js";
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
  const sent = new WeakMap<Response, OperationRef>();

  const core = createClient<paths>({
    baseUrl,
    headers: { "User-Agent": `sd-toolkit-client/${version}`, ...options.headers },
    querySerializer: serializeQuery,
    bodySerializer: serializeBody,
    fetch: createTransport({
      fetch: options.fetch ?? ((request) => fetch(request)),
      // The token request goes through this same client, without Authorization.
      authorizer: createAuthorizer(options, baseUrl, (url, body) =>
        unwrap(
          post("", { baseUrl: url, body, authorize: false }) as Promise<{
            data: TokenAnswer;
            response: Response;
          }>,
        ),
      ),
      timeoutMs,
      retry,
      // openapi-fetch builds URLs as base URL + endpoint + query, so this recovers the endpoint
      // (the token URL, outside the API, stays whole).
      operationOf: ({ method, url }) => ({ method, path: url.replace(baseUrl, "").split("?")[0]! }),
      onRequest: options.onRequest,
      onResponse: options.onResponse,
      sent,
    }),
  });

  // Writes pick their media type from the description; the Content-Type header carries the
  // choice to serializeBody (no header for multipart: fetch adds it with the boundary).
  const write = (method: WriteMethod) =>
    ((path: string, init?: WriteInit) => {
      const type = init?.body === undefined ? MULTIPART : mediaTypeFor(method, path, init.body);
      const call = core[method] as (path: string, init?: WriteInit) => Promise<FetchResult>;
      return call(
        path,
        type === MULTIPART
          ? init
          : { ...init, headers: mergeHeaders({ "Content-Type": type }, init?.headers) },
      );
    }) as Core[WriteMethod];
  const post = write("POST") as (
    path: string,
    init: WriteInit & CallOverrides & { baseUrl: string },
  ) => unknown;

  const unwrap = <R extends FetchResult>(result: R | Promise<R>) =>
    unwrapResult(result, (response) => sent.get(response));

  return {
    GET: core.GET,
    POST: post as Core["POST"],
    PUT: write("PUT"),
    PATCH: write("PATCH"),
    DELETE: core.DELETE,
    use: core.use,
    eject: core.eject,
    unwrap,
    paginate(path, ...[init]) {
      const { maxItems, params } = (init ?? {}) as {
        maxItems?: number;
        params?: { query?: object };
      };
      const [kind, field] = pages[path as keyof typeof pages];
      const get = core.GET as (path: string, init: object) => Promise<FetchResult>;
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
