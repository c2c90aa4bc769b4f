// The package's programmatic entry: start a mock or sandbox from a test.
export { startMock, type RunningMock, type StartMockOptions } from "./start-mock.js";
