// The library entry point as a test suite uses it: `import { startMock } from "@sd-toolkit/mock"`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/index.js";
import { AUTH } from "./support/start-mock.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.close());

describe("startMock()", () => {
  it("listens on a free loopback port and gives the API's base URL", () => {
    expect(mock.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.origin).not.toBe("http://127.0.0.1:4010");
    expect(mock.apiUrl).toBe(`${mock.origin}/api/v1`);
  });

  it("answers the API with the description's examples", async () => {
    const res = await fetch(`${mock.apiUrl}/incident?id=4211`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: number }).id).toBe(4211);
  });

  it("serves the description from the @sd-toolkit/openapi dependency", async () => {
    const res = await fetch(`${mock.origin}/openapi.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("stops on close()", async () => {
    const other = await startMock({ port: 0, host: "127.0.0.1" });
    await other.close();
    await expect(fetch(`${other.apiUrl}/incident?id=4211`, { headers: AUTH })).rejects.toThrow();
  });

  it("refuses a port that is not one", async () => {
    await expect(startMock({ port: 70000 })).rejects.toThrow(/port must be an integer/);
  });
});
