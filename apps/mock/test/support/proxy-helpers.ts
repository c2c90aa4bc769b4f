// Helpers of the proxy's tests: plain HTTP calls with chosen credentials, and small upstream
// servers on a free loopback port that count or reshape what they receive.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const PASSWORD = "proxy-test-password-5521";

export function basic(user: string, password = PASSWORD): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
}

/** One call to `base + path` (path may hold a query string), answer read whole. */
export async function call(
  base: string,
  path: string,
  init: { method?: string; authorization?: string; form?: string } = {},
): Promise<Answer> {
  const response = await fetch(base + path, {
    method: init.method ?? "GET",
    headers: {
      ...(init.authorization ? { authorization: init.authorization } : {}),
      ...(init.form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
    },
    ...(init.form === undefined ? {} : { body: init.form }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    text: bytes.toString("utf8"),
    bytes,
  };
}

export interface TestUpstream {
  /** http://127.0.0.1:<port>/api/v1 */
  api: string;
  server: Server;
  close(): Promise<void>;
}

export async function startUpstream(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestUpstream> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}/api/v1`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Reads a request's body whole. */
export function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
