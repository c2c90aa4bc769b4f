// The proxy's settings, as `--upstream` and its companion flags (or startMock's options) give
// them. Kept here so the proxy depends on nothing but the description's modules.
export interface ProxyOptions {
  /** The instance's API base, e.g. https://acme.sd.cloud.invgate.net/api/v1, no trailing slash. */
  upstream: URL;
  allowWrites: boolean;
  rps: number;
  concurrency: number;
  timeoutMs: number;
  forwardInvalid: boolean;
  reportValues: boolean;
  reportUpstream: boolean;
  junitPath: string | undefined;
}

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
