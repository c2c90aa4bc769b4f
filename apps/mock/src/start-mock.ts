// `startMock()`: the mock inside a test run or any Node program, with the same defaults as the
// `sd-toolkit-mock` command except the port, which is a free one unless asked for. Environment
// variables and the command line are not read: a library call says what it wants.
import { API_BASE, readConfig } from "./config.js";
import { createMockServer } from "./server.js";

export interface StartMockOptions {
  /** TCP port; `0` (the default) lets the system pick a free one. */
  port?: number;
  /** Interface to listen on; `127.0.0.1` by default. */
  host?: string;
}

export interface RunningMock {
  /** Root of the server, e.g. `http://127.0.0.1:41234`: the reference site is served here. */
  origin: string;
  /** Base URL of the API (`<origin>/api/v1`), what a client's `baseUrl` takes. */
  apiUrl: string;
  /** Stops the server and closes its open connections. */
  close(): Promise<void>;
}

export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const config = readConfig([], {});
  if (options.port !== undefined) {
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
      throw new Error(`startMock: port must be an integer from 0 to 65535, got ${options.port}`);
    }
    config.port = options.port;
  } else {
    config.port = 0;
  }
  if (options.host !== undefined) config.host = options.host;
  const mock = await createMockServer(config);
  const origin = await mock.listen();
  return { origin, apiUrl: `${origin}${API_BASE}`, close: () => mock.close() };
}
