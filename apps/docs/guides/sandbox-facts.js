// Every fact the sandbox guide states about the sandbox (apps/mock), in one place; sandbox.md
// refers to them as `{{fact.<name>}}`. Each was checked against the mock's README and its
// `startMock()` types (`apps/mock/src/control-client/tenant-control.ts`); "spec" marks what the
// sandbox's specification fixed, "api" what the implementation chose where it left a name open.
export const SANDBOX_FACTS = Object.freeze({
  // spec: `npm start` and the package's bin serve the sandbox by default.
  startCommand: "npm start",
  // spec (issue 10): the published package's bin.
  npxCommand: "npx @sd-toolkit/mock",
  // spec: how to keep the answers from the description's examples instead.
  examplesMode: "`--mode examples` (or `MOCK_MODE=examples`)",
  // spec: the mock's default address.
  origin: "http://127.0.0.1:4010",
  // spec: state is kept on disk by default, in this folder of the working directory.
  dataDir: "`.sandbox/` (change it with `--data-dir`)",
  // spec: throwaway state.
  memoryFlag: "--memory",
  // spec: the starting data of every tenant, and the flag that replaces or extends it.
  seedFlag: "--seed FILE",
  // spec: what a tenant is keyed on.
  tenantKey: "the Basic user name, or the OAuth client id behind a bearer token",
  // spec: the token endpoint the sandbox serves.
  tokenEndpoint: "POST /oauth/v2.0/access_token",
  // spec: where the control API lives, on the same port.
  controlBase: "/__sandbox/",
  // api: the route that resets the tenant of the credentials sent.
  resetRoute: "POST /__sandbox/reset",
  // spec: what startMock() takes and resolves to.
  startMockCall: 'startMock({ port: 0, mode: "sandbox", memory: true })',
  startMockResult:
    "`{ origin, apiUrl, reset(), snapshot(name), restore(name), snapshots(), clock, faults, journal(), clearJournal(), tenant(credentials), close() }`; `sandboxControl(origin, authorization)` gives the same control methods to a test file that did not start it",
  // api: the clock's methods (`set` also takes epoch seconds or a Date, and `{ frozen: true }`).
  clockSet: 'await mock.clock.set("2026-11-02T09:00:00Z");',
  clockAdvance: "await mock.clock.advance(3600); // seconds",
  // api: the fault call (instead of `status`: `delayMs` waits, `drop: true` closes the
  // connection; a 429 carries `Retry-After`).
  faultCall: 'await mock.faults.add({ operation: "createIncident", status: 429, times: 2 });',
  // spec: the HTTP status of a missing or invalid parameter, as on the real server.
  invalidParameterStatus: "428",
});
