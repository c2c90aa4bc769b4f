// The package's library entry point; the `sd-toolkit-mock` command is src/cli.ts.
export { startMock, type RunningMock, type StartMockOptions } from "./start-mock.js";
