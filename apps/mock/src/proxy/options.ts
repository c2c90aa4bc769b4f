// Where the proxy sends a call: the instance's API base and its token endpoint.
import type { ProxySettings } from "../spec/proxy-settings.js";

/** The proxy's settings (spec/proxy-settings.ts). */
export type ProxyOptions = ProxySettings;

/** Where the instance's token endpoint is: beside its API base, as on every instance. */
export function tokenUrl(upstream: URL): URL {
  const root = upstream.pathname.replace(/\/api\/v1$/, "");
  return new URL(`${upstream.origin}${root}/oauth/v2.0/access_token`);
}

/** The upstream URL of an API path and query string, as the caller sent them. */
export function apiUrl(upstream: URL, path: string, rawQuery: string): URL {
  return new URL(
    `${upstream.origin}${upstream.pathname}${encodeURI(path)}${rawQuery ? `?${rawQuery}` : ""}`,
  );
}
