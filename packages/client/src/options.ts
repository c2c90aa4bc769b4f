// Options of createServiceDeskClient and their validation. Mistakes surface at construction,
// with a message naming the option, rather than as a confusing failure on the first call.
// Messages never echo option values: a URL or an auth field could hold a secret.
import type { FetchLike } from "./fetch-like.js";
import { DEFAULT_RETRY, type RetryOptions, type RetryPolicy } from "./retry.js";

/** HTTP Basic with an API user of the instance. */
export interface BasicAuth {
  username: string;
  password: string;
}

/** A bearer token obtained elsewhere, sent as it is. */
export interface BearerAuth {
  token: string;
}

/** OAuth 2.0 client credentials; see `scopesFor()` for the scope list. */
export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  /** One scope per endpoint and method, `api.v1.<endpoint>:<method>`; no wildcard exists. */
  scopes: readonly string[];
  /** Default: `https://{instance}/oauth/v2.0/access_token` (next to `/api/v1` of `baseUrl`). */
  tokenUrl?: string | undefined;
}

export type AuthOptions = BasicAuth | BearerAuth | OAuthClientCredentials;

/** What hooks and loggers see of an attempt; credentials in headers are redacted. */
export interface RequestEvent {
  method: string;
  url: string;
  /** 1 for the first try, counting retries and the repeat after an OAuth refresh. */
  attempt: number;
  headers: Record<string, string>;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
}

export interface ServiceDeskClientOptions {
  /** Host of the instance, e.g. `acme.sd.cloud.invgate.net`: the client calls `https://{instance}/api/v1`. */
  instance?: string | undefined;
  /** Full base URL instead of `instance`, e.g. `http://127.0.0.1:4010/api/v1`. */
  baseUrl?: string | undefined;
  /** Allow plain `http://` to a host other than loopback. Credentials then cross the network in clear. */
  allowInsecureHttp?: boolean | undefined;
  auth: AuthOptions;
  /** Time limit of each HTTP attempt, reading the answer included; `false` for none. Default 30 000. */
  timeoutMs?: number | false | undefined;
  /** Retry settings, or `false` to never retry. */
  retry?: RetryOptions | false | undefined;
  /**
   * The transport underneath (default `globalThis.fetch`), called like it: `fetch(url, init)`, or
   * `fetch(request, init)` once middleware is registered; `init.signal` ends the attempt (the
   * caller's abort or the time limit). Tests inject one here.
   */
  fetch?: FetchLike | undefined;
  /** Headers added to every call. */
  headers?: Record<string, string> | undefined;
  /** Called before each attempt (retries included); pass `console.debug` to log calls. */
  onRequest?: ((event: RequestEvent) => void) | undefined;
  /** Called when an attempt gets an answer. */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
}

export interface ResolvedOptions {
  baseUrl: string;
  timeoutMs: number | false;
  retry: RetryPolicy | false;
}

/** Throws a TypeError naming the bad option: `createServiceDeskClient: options.timeoutMs ...`. */
export function fail(
  option: string,
  problem: string,
  where = "createServiceDeskClient: options.",
): never {
  throw new TypeError(`${where}${option} ${problem}`);
}

// URL#hostname is lower case already.
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export function checkUrl(option: string, value: unknown, allowInsecureHttp?: boolean): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    fail(option, "is not an absolute URL");
  }
  if (url.username || url.password) fail(option, "must not contain credentials");
  // Plain http would send the credentials in clear: only to this machine, unless asked for.
  if (
    url.protocol !== "https:" &&
    !(url.protocol === "http:" && (allowInsecureHttp || LOOPBACK.test(url.hostname)))
  ) {
    fail(option, "must be https:// (or http:// to loopback, or allowInsecureHttp)");
  }
  return url.href.replace(/\/+$/, "");
}

function resolveBaseUrl({
  instance,
  baseUrl,
  allowInsecureHttp,
}: ServiceDeskClientOptions): string {
  if (instance == null) {
    return baseUrl == null
      ? fail("baseUrl", "or options.instance is required")
      : checkUrl("baseUrl", baseUrl, allowInsecureHttp);
  }
  if (baseUrl != null) fail("instance", "conflicts with options.baseUrl");
  // A host (and port) only: anything that would change the scheme or the path is refused.
  // (A non-string is tested, and then used, as its string form.)
  if (!/^[\w.-]+(:\d+)?$/.test(instance)) {
    fail("instance", "must be a host name");
  }
  // Still parsed: the pattern lets through what URL refuses (a port above 65535).
  return checkUrl("instance", `https://${instance}/api/v1`);
}

export const text = (value: unknown, option: string): string =>
  typeof value === "string" && value ? value : fail(option, "must be a non-empty string");

/** setTimeout() fires at once for delays it cannot represent. */
const isDelay = (value: unknown) => typeof value === "number" && value >= 0 && value < 2 ** 31;

/**
 * A time limit, client-wide or per call (`where` is then `GET /incident: `): a positive delay
 * setTimeout can honour, or `false` or `Infinity` for none (both become `false`).
 */
export const timeLimit = (value: unknown, where?: string): number | false =>
  value === false || value === Infinity
    ? false
    : isDelay(value) && (value as number) > 0
      ? (value as number)
      : fail("timeoutMs", "must be a positive number below 2^31, Infinity or false", where);

export function resolveOptions(options: ServiceDeskClientOptions): ResolvedOptions {
  options ??= {} as ServiceDeskClientOptions;
  const baseUrl = resolveBaseUrl(options);
  const { retry } = options;
  const timeoutMs = timeLimit(options.timeoutMs ?? 30_000);
  // A setting given as undefined keeps its default, as if it were left out.
  const given = Object.entries(retry ?? {}).filter(([, value]) => value !== undefined);
  const policy = retry !== false && { ...DEFAULT_RETRY, ...Object.fromEntries(given) };
  if (policy) {
    const { attempts, methods, ...delays } = policy;
    if (!(attempts >= 1 && Array.isArray(methods) && Object.values(delays).every(isDelay))) {
      fail("retry", "needs attempts >= 1, delays >= 0 and a methods array");
    }
    // Request methods are upper case: `["get"]` would otherwise silently never match.
    policy.methods = methods.map((name) => String(name).toUpperCase());
  }
  return { baseUrl, timeoutMs, retry: policy };
}
