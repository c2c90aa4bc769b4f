// Public entry of @sd-toolkit/client.
export { createServiceDeskClient, type ServiceDeskClient } from "./client.js";
export type {
  CallArgs,
  CallInit,
  CallMethod,
  CallOptions,
  HeadersOptions,
  Middleware,
  MiddlewareCallbackParams,
  NoBodyUseParamsQuery,
  NoQueryUseBody,
  ParseAs,
  PathsWith,
} from "./call-types.js";
export {
  ServiceDeskAuthError,
  ServiceDeskError,
  ServiceDeskRateLimitError,
  ServiceDeskRefusedError,
  ServiceDeskTimeoutError,
  type ServiceDeskErrorDetails,
} from "./errors.js";
export type {
  AuthOptions,
  BasicAuth,
  BearerAuth,
  OAuthClientCredentials,
  RequestEvent,
  ResponseEvent,
  ServiceDeskClientOptions,
} from "./options.js";
export type { PageArgs, PageInit, PageItem, PageOptions, PagedPath } from "./paginate.js";
export type { RetryMethod, RetryOptions } from "./retry.js";
export type { FetchLike } from "./fetch-like.js";
export { scopesFor, type Operation } from "./scopes.js";
export type { components, OperationKey, operations, paths } from "@sd-toolkit/types";
