// Starting the mock from a test: `await startMock({ port: 0, mode: "sandbox", memory: true })`
// gives the server's origin and API URL, the control methods (reset, snapshots, clock, faults,
// journal) for the first tenant that called or for one named by its credentials, and close().
import type { JsonObject } from "./spec/description.js";
import { readConfig, type AuthPolicy, type MockMode } from "./front/config.js";
import { API_BASE } from "./front/config.js";
import {
  parseAuthPolicy,
  parseCorsOrigins,
  parseUpstream,
  type ProxySettings,
} from "./front/config.js";
import {
  credentialsTenant,
  localControl,
  type TenantControl,
  type TenantCredentials,
} from "./control-client/tenant-control.js";

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** `sandbox` (the default) or `examples`. */
  mode?: MockMode;
  /** Keep tenants in memory only (the default here: tests rarely want files left behind). */
  memory?: boolean;
  /** Where tenants' databases go when `memory` is false; `.sandbox/` by default. */
  dataDir?: string;
  /** A seed file's path, or the seed itself; see the README for its schema. */
  seed?: string | JsonObject;
  /** Which credentials pass: `any` (default), `none`, or a list as in MOCK_AUTH. */
  auth?: string;
  /** Another bundled description (JSON) than @sd-toolkit/openapi's. */
  spec?: string;
  /** Examples mode: data generated from the schemas instead of the examples. */
  dynamic?: boolean;
  /** Sandbox: at most this many tenants (1,000 unless given); a new one beyond gets 503. */
  maxTenants?: number;
  /** Origins (`http://localhost:5173`) whose pages may call the mock, beside its own. */
  corsOrigins?: string[];
  /** Host names the mock answers to, beside loopback ones and its own address. */
  allowedHosts?: string[];
  /**
   * Proxy mode: the API base of an instance (`https://acme.example.com/api/v1`); every call
   * goes there with the caller's credentials, and `GET /__proxy/report` lists the drifts.
   */
  upstream?: string;
  /** Proxy: forward writes too (reads only by default). */
  allowWrites?: boolean;
  /** Proxy: calls started upstream per second, at most (5). */
  upstreamRps?: number;
  /** Proxy: calls in flight upstream at once, at most (4). */
  upstreamConcurrency?: number;
  /** Proxy: milliseconds the upstream has to answer before the caller gets 504 (30,000). */
  upstreamTimeoutMs?: number;
  /** Proxy: forward calls that fail request validation instead of answering 428. */
  forwardInvalid?: boolean;
  /** Proxy: show values in the report (type and length only by default). */
  reportValues?: boolean;
  /** Proxy: name the upstream's host in the report. */
  reportUpstream?: boolean;
  /** Proxy: write the report as JUnit XML to this file on close(). */
  junit?: string;
}

function proxySettings(options: StartMockOptions): ProxySettings | undefined {
  if (options.upstream === undefined) return undefined;
  return {
    upstream: parseUpstream(options.upstream),
    allowWrites: options.allowWrites ?? false,
    rps: options.upstreamRps ?? 5,
    concurrency: options.upstreamConcurrency ?? 4,
    timeoutMs: options.upstreamTimeoutMs ?? 30_000,
    forwardInvalid: options.forwardInvalid ?? false,
    reportValues: options.reportValues ?? false,
    reportUpstream: options.reportUpstream ?? false,
    junitPath: options.junit,
  };
}

/**
 * The control methods at the top act on the one tenant that has called the API (they reject
 * before any call, and once a second tenant has called); `tenant(credentials)` gives the same methods for a named tenant. The
 * examples mode has no tenants: its control methods reject.
 */
export interface RunningMock extends TenantControl {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/api/v1`, the base URL to give the client. */
  apiUrl: string;
  /** The control methods for the tenant of these credentials (created from the seed if new). */
  tenant(credentials: TenantCredentials): TenantControl;
  close(): Promise<void>;
}

export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  // The environment is ignored on purpose: a test's mock must not change with the shell's.
  const defaults = readConfig([], {});
  const auth: AuthPolicy = options.auth ? parseAuthPolicy(options.auth) : defaults.auth;
  if (
    options.port !== undefined &&
    (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
  ) {
    throw new TypeError(`startMock: port must be an integer from 0 to 65535, got ${options.port}`);
  }
  if (
    options.maxTenants !== undefined &&
    (!Number.isInteger(options.maxTenants) || options.maxTenants < 1)
  ) {
    throw new TypeError(
      `startMock: maxTenants must be a whole number of 1 or more, got ${options.maxTenants}`,
    );
  }
  // Loaded on first use: importing the package stays cheap for a test file that only drives a
  // sandbox started elsewhere, and Prism loads only in the examples mode (engines.ts).
  const { createWiredServer } = await import("./engines.js");
  const mock = await createWiredServer({
    ...defaults,
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    mode: options.mode ?? "sandbox",
    memory: options.memory ?? true,
    dataDir: options.dataDir ?? defaults.dataDir,
    auth,
    dynamic: options.dynamic ?? false,
    maxTenants: options.maxTenants ?? defaults.maxTenants,
    corsOrigins: parseCorsOrigins((options.corsOrigins ?? []).join(",")),
    allowedHosts: (options.allowedHosts ?? []).map((host) => host.toLowerCase()),
    ...(options.spec
      ? { specPath: options.spec, specYamlPath: options.spec.replace(/\.json$/, ".yaml") }
      : {}),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    proxy: proxySettings(options),
  });
  const origin = await mock.listen();
  const { control } = mock.engine;
  const onTenant = (tenant: () => string) => localControl(control, tenant);
  const first = onTenant(() => {
    if (!control?.firstTenant) {
      throw new Error(
        "startMock: no tenant has called the API yet; call it first or use mock.tenant(credentials).",
      );
    }
    // With two tenants, "the first" depends on which test ran first: name one instead.
    if (control.severalTenants) {
      throw new Error(
        "startMock: more than one tenant has called the API, so mock.reset() and the other top-level methods would not know which to act on; use mock.tenant(credentials).",
      );
    }
    return control.firstTenant;
  });
  return {
    ...first,
    origin,
    apiUrl: origin + API_BASE,
    tenant: (credentials) => {
      const key = credentialsTenant(credentials, mock.tokens);
      return onTenant(() => key);
    },
    close: () => mock.close(),
  };
}
