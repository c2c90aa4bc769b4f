// The package's programmatic entry: start a mock or sandbox from a test, and drive a sandbox
// started elsewhere (a vitest globalSetup) over its control API.
export { startMock, type RunningMock, type StartMockOptions } from "./start-mock.js";
export {
  sandboxControl,
  type ClockState,
  type FaultRequest,
  type FaultView,
  type JournalEntry,
  type TenantControl,
  type TenantCredentials,
} from "./control-client/tenant-control.js";
