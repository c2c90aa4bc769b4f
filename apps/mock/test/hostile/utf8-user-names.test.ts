// Finding 10 of the security review: Basic user names that are not UTF-8 were decoded leniently,
// so `\xff`, `\xfe` and U+FFFD all named one tenant. Bytes that are not UTF-8 now get 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

const header = (user: Buffer) =>
  `Basic ${Buffer.concat([user, Buffer.from(":secret")]).toString("base64")}`;

describe("user names that are not UTF-8", () => {
  it.each([
    ["\\xff", Buffer.from([0xff])],
    ["\\xfe", Buffer.from([0xfe])],
    ["a cut sequence", Buffer.from([0x61, 0xc3])],
  ])("refuses %s with 401", async (_, bytes) => {
    const response = await fetch(`${mock.apiUrl}/incident?id=1`, {
      headers: { authorization: header(bytes) },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toContain("UTF-8");
  });

  it("keeps U+FFFD, which is UTF-8, a tenant of its own", async () => {
    const response = await fetch(`${mock.apiUrl}/incident?id=1`, {
      headers: { authorization: header(Buffer.from("\uFFFD")) },
    });
    expect(response.status).toBe(200);
  });
});
