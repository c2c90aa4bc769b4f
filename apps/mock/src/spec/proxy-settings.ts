// The validation proxy's settings, as `--upstream` and its companion flags (or startMock's
// options) give them: read by the front's configuration, used by the proxy engine, so the type
// lives here, below both.
/**
 * Proxy mode (`--upstream`): every call goes on to a real instance and its answer is checked
 * against the description. The settings keep a live instance safe by default.
 */
export interface ProxySettings {
  /** The instance's API base, e.g. https://acme.sd.cloud.invgate.net/api/v1. */
  upstream: URL;
  /** Forward writes too; reads only by default. */
  allowWrites: boolean;
  /** Calls started upstream per second, at most. */
  rps: number;
  /** Calls in flight upstream at once, at most. */
  concurrency: number;
  /** How long the upstream has to answer, in milliseconds; then the caller gets 504. */
  timeoutMs: number;
  /** Forward calls that fail request validation instead of answering 428. */
  forwardInvalid: boolean;
  /** Put the values seen in the report; only their type and length by default. */
  reportValues: boolean;
  /** Name the upstream's host in the report; left out by default. */
  reportUpstream: boolean;
  /** Write the drift report as JUnit XML to this file when the server stops. */
  junitPath: string | undefined;
}
