// Finding 5 of the security review: the mock reflected any Origin with credentials allowed,
// answered every preflight and never checked Host, so a web page could read or reset tenants
// on 127.0.0.1 (directly, or through DNS rebinding). Now only its own origin and --cors-origin
// pass, only loopback hosts, its own address and --allowed-host, and the control API never
// asks a browser for Basic credentials.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostName } from "../../src/front/host-check.js";
import { startMock, type RunningMock } from "../support/start-mock.js";
import { basic } from "./basic.js";

let plain: RunningMock;
let configured: RunningMock;
beforeAll(async () => {
  plain = await startMock({ mode: "sandbox" });
  configured = await startMock({
    mode: "sandbox",
    corsOrigins: ["http://localhost:5173"],
    allowedHosts: ["mock.test"],
  });
});
afterAll(async () => {
  await plain?.mock.close();
  await configured?.mock.close();
});

/** fetch() will not send a Host header of our choosing; node:http does. */
function withHost(root: string, path: string, host: string, method = "GET") {
  const { port } = new URL(root);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        headers: { host, authorization: basic("rebinding") },
      },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("origins", () => {
  it("refuses a page from another origin with 403 and no CORS headers", async () => {
    const response = await fetch(`${plain.root}/__sandbox/reset`, {
      method: "POST",
      headers: { origin: "http://evil.example", authorization: basic("victim") },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${plain.api}/incident`, {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(403);
  });

  it("takes its own origin and those given with --cors-origin", async () => {
    const own = await fetch(`${plain.api}/incident?id=1`, {
      headers: { origin: plain.root, authorization: basic("own-page") },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBe(plain.root);
    const listed = await fetch(`${configured.api}/incident?id=1`, {
      headers: { origin: "http://localhost:5173", authorization: basic("dev-server") },
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });
});

describe("hosts", () => {
  it("refuses a rebound name with 403 naming --allowed-host", async () => {
    const answer = await withHost(plain.root, "/__sandbox/journal", "attacker.example:80");
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("--allowed-host attacker.example");
  });

  it("takes loopback names, its address and names given with --allowed-host", async () => {
    for (const host of ["localhost", "127.0.0.1:1", "[::1]:4010", "app.localhost"]) {
      expect((await withHost(plain.root, "/__sandbox/journal", host)).status).toBe(200);
    }
    expect((await withHost(configured.root, "/__sandbox/journal", "mock.test:8080")).status).toBe(
      200,
    );
    expect(hostName("[::1]:4010")).toBe("::1");
  });
});

describe("the control API's challenge", () => {
  it("never asks for Basic credentials", async () => {
    const response = await fetch(`${plain.root}/__sandbox/journal`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).not.toMatch(/basic/i);
  });
});
