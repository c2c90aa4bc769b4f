// `@sd-toolkit/mock/control`: drive a sandbox started elsewhere (a vitest globalSetup, another
// process) over its control API, without loading the server, the sandbox or Prism.
export {
  sandboxControl,
  type ClockState,
  type FaultRequest,
  type FaultView,
  type JournalEntry,
  type TenantControl,
  type TenantCredentials,
} from "./control-client/tenant-control.js";
