// Starts a mock in this process on a free loopback port, for one test file.
import { fileURLToPath } from "node:url";
import { readConfig, type MockConfig } from "../../src/front/config.js";
import { createWiredServer } from "../../src/engines.js";
import type { MockServer } from "../../src/front/server.js";

export const FIXTURE_SPEC = fileURLToPath(
  new URL("../fixtures/wire.openapi.json", import.meta.url),
);

/** The real bundle (openapi/dist/openapi.json), as `npm start` serves it. */
export const BUNDLE_SPEC = readConfig([], {}).specPath;

export interface RunningMock {
  mock: MockServer;
  /** http://127.0.0.1:<port> */
  root: string;
  /** http://127.0.0.1:<port>/api/v1 */
  api: string;
}

export async function startMock(overrides: Partial<MockConfig> = {}): Promise<RunningMock> {
  const config: MockConfig = {
    ...readConfig([], {}),
    host: "127.0.0.1",
    port: 0,
    // The front's tests check the examples mode's answers; the sandbox has its own tests.
    mode: "examples",
    memory: true,
    docsDir: fileURLToPath(new URL("../fixtures/no-docs-here", import.meta.url)),
    ...overrides,
  };
  const mock = await createWiredServer(config);
  const root = await mock.listen();
  return { mock, root, api: `${root}/api/v1` };
}

/** Basic credentials the default policy accepts. */
export const AUTH = {
  authorization: `Basic ${Buffer.from("api-integration:secret").toString("base64")}`,
};
