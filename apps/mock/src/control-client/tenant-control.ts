// The control API as methods, for tests: one interface over the sandbox in this process
// (startMock()) and over HTTP (sandboxControl(), for test files that run in other workers
// than the one that started the sandbox).
import { oauthTenant, tenantKey } from "../spec/tenant-key.js";
import type { TokenIssuer } from "../front/token-issuer.js";
import { controlAuthorization } from "./control-authorization.js";
import type {
  ClockState,
  EngineControl,
  FaultRequest,
  FaultView,
  JournalEntry,
} from "../spec/control.js";

export type { ClockState, FaultRequest, FaultView, JournalEntry };

/** Whose tenant: the client's auth options (a password or secret is not needed here). */
export type TenantCredentials =
  | { username: string; password?: string }
  | { clientId: string; clientSecret?: string }
  | { token: string };

export interface TenantControl {
  /** Back to the seed: data, ids and clock; faults and journal cleared. */
  reset(): Promise<void>;
  /** Saves the tenant's state (data, ids, clock) under a name, replacing one of that name. */
  snapshot(name: string): Promise<void>;
  /** Puts back the state saved under `name`; rejects when there is none. */
  restore(name: string): Promise<void>;
  snapshots(): Promise<{ name: string; takenAt: number }[]>;
  clock: {
    now(): Promise<ClockState>;
    /** Epoch seconds, an ISO 8601 date-time with offset, or a Date; `frozen` stops it there. */
    set(time: number | string | Date, options?: { frozen?: boolean }): Promise<ClockState>;
    advance(seconds: number): Promise<ClockState>;
  };
  faults: {
    add(fault: FaultRequest): Promise<FaultView>;
    list(): Promise<FaultView[]>;
    clear(): Promise<void>;
  };
  /** The tenant's API calls, oldest first, secrets shown as ***. */
  journal(): Promise<JournalEntry[]>;
  clearJournal(): Promise<void>;
}

/** The tenant of credentials; a token this process issued belongs to its OAuth client. */
export function credentialsTenant(credentials: TenantCredentials, issuer?: TokenIssuer): string {
  if ("username" in credentials) {
    const pair = `${credentials.username}:${credentials.password ?? ""}`;
    return tenantKey(`Basic ${Buffer.from(pair).toString("base64")}`);
  }
  if ("clientId" in credentials) return oauthTenant(credentials.clientId);
  const grant = issuer?.read(credentials.token);
  if (grant) return oauthTenant(grant.clientId);
  return tenantKey(`Bearer ${credentials.token}`);
}

const epochOf = (time: number | string | Date) =>
  time instanceof Date ? Math.floor(time.getTime() / 1000) : time;

/**
 * Control methods over the sandbox in this process; `tenant` is asked at each call. Without a
 * sandbox (the examples mode) every method rejects.
 */
export function localControl(
  control: EngineControl | undefined,
  tenant: () => string,
): TenantControl {
  const run = async <T>(work: (key: string) => T): Promise<T> => {
    if (!control) throw new Error("The examples mode has no tenants to control.");
    return work(tenant());
  };
  return {
    reset: () => run((key) => control!.reset(key)),
    snapshot: (name) => run((key) => control!.snapshot(key, name)),
    restore: (name) => run((key) => control!.restore(key, name)),
    snapshots: () => run((key) => control!.snapshots(key)),
    clock: {
      now: () => run((key) => control!.clock(key)),
      set: (time, options) =>
        run((key) => control!.setClock(key, epochOf(time), options?.frozen ?? false)),
      advance: (seconds) => run((key) => control!.advanceClock(key, seconds)),
    },
    faults: {
      add: (fault) => run((key) => control!.addFault(key, fault)),
      list: () => run((key) => control!.listFaults(key)),
      clear: () => run((key) => control!.clearFaults(key)),
    },
    journal: () => run((key) => control!.journalOf(key)),
    clearJournal: () => run((key) => control!.clearJournal(key)),
  };
}

/** The server's root from its origin or its API base: `/api/v1` and trailing slashes dropped. */
function serverRoot(originOrApiUrl: string): string {
  return originOrApiUrl.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
}

/**
 * Control methods over HTTP, for a sandbox started elsewhere (a vitest globalSetup, another
 * process). `originOrApiUrl` is the server's root (`http://127.0.0.1:4010`) or its API base
 * (`http://127.0.0.1:4010/api/v1`, what `startMock()` calls `apiUrl`): a trailing `/api/v1`
 * and trailing slashes are dropped, so either value a test was handed works. The tenant is
 * named as for `mock.tenant()` (`{ username }`, `{ clientId, clientSecret }`, `{ token }`) or
 * by the Authorization header its calls send (`Basic ...` or `Bearer ...`). An OAuth client
 * gets a token with the scope `sandbox.control`, and a new one once its clock has expired the
 * last.
 */
export function sandboxControl(
  originOrApiUrl: string,
  tenant: string | TenantCredentials,
): TenantControl {
  const root = serverRoot(originOrApiUrl);
  const base = `${root}/__sandbox`;
  const authorization = controlAuthorization(root, tenant);
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const send = async () =>
      fetch(base + path, {
        method,
        headers: {
          authorization: await authorization.header(),
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
    let response = await send();
    let text = await response.text();
    if (response.status === 401 && /expired/i.test(text) && authorization.renew()) {
      response = await send();
      text = await response.text();
    }
    if (!response.ok) {
      let detail = text;
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new Error(`Sandbox control ${method} ${path}: ${response.status} ${detail}`);
    }
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }
  const named = (name: string) => `/snapshots/${encodeURIComponent(name)}`;
  return {
    reset: () => call("POST", "/reset"),
    snapshot: (name) => call("PUT", named(name)),
    restore: (name) => call("POST", `${named(name)}/restore`),
    snapshots: () => call("GET", "/snapshots"),
    clock: {
      now: () => call("GET", "/clock"),
      set: (time, options) =>
        call("PUT", "/clock", { now: epochOf(time), frozen: options?.frozen ?? false }),
      advance: (seconds) => call("POST", "/clock/advance", { seconds }),
    },
    faults: {
      add: (fault) => call("POST", "/faults", fault),
      list: () => call("GET", "/faults"),
      clear: () => call("DELETE", "/faults"),
    },
    journal: () => call("GET", "/journal"),
    clearJournal: () => call("DELETE", "/journal"),
  };
}
