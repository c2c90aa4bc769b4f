// Finding 8 of the security review: a token with only `api.v1.incident:get` could reset its
// tenant through the control API. Issued tokens now need the scope `sandbox.control` there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

async function token(scope: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: "scoped-client",
    client_secret: "s",
    scope,
  });
  const response = await fetch(`${mock.origin}/oauth/v2.0/access_token`, {
    method: "POST",
    body: form,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const reset = (bearer: string) =>
  fetch(`${mock.origin}/__sandbox/reset`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}` },
  });

describe("the control scope", () => {
  it("refuses a token without sandbox.control with 403 naming the scope", async () => {
    const response = await reset(await token("api.v1.incident:get"));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toContain("sandbox.control");
  });

  it("takes a token with sandbox.control, which still works for the API scopes it has", async () => {
    const both = await token("api.v1.incident:get sandbox.control");
    expect((await reset(both)).status).toBe(204);
    const read = await fetch(`${mock.apiUrl}/incident?id=1`, {
      headers: { authorization: `Bearer ${both}` },
    });
    expect(read.status).toBe(200);
  });
});
