// Finding 11 of the security review, and point 3 of issue 20: in-process control named the
// wrong tenant (`mock.tenant({ token })` hashed an issued token instead of resolving it, and
// `mock.reset()` acted on whichever tenant called first), and sandboxControl() took only a raw
// header, so an OAuth tenant lost its control API once its clock expired its token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxControl, startMock, type RunningMock } from "../../src/index.js";
import { startCliServer, type CliServer } from "../support/cli-process.js";
import { basic } from "./basic.js";

async function token(origin: string, clientId: string, scope: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: "s",
    scope,
  });
  const response = await fetch(`${origin}/oauth/v2.0/access_token`, { method: "POST", body: form });
  return ((await response.json()) as { access_token: string }).access_token;
}

const readIncident = (api: string, authorization: string) =>
  fetch(`${api}/incident?id=1`, { headers: { authorization } });

describe("in-process control", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: "sandbox", memory: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("resolves an issued token to its client's tenant", async () => {
    const issued = await token(mock.origin, "resolved-client", "api.v1.incident:get");
    await readIncident(mock.apiUrl, `Bearer ${issued}`);
    const calls = await mock.tenant({ token: issued }).journal();
    expect(calls.map((call) => call.operationId)).toEqual(["getIncident"]);
    expect(await mock.tenant({ clientId: "resolved-client" }).journal()).toEqual(calls);
  });

  it("refuses the top-level methods once two tenants have called, naming mock.tenant()", async () => {
    await readIncident(mock.apiUrl, basic("second-tenant"));
    await expect(mock.reset()).rejects.toThrow(/more than one tenant.*mock\.tenant/);
    await expect(mock.journal()).rejects.toThrow(/more than one tenant/);
  });
});

describe("sandboxControl from another process", () => {
  let server: CliServer;
  let origin: string;
  beforeAll(async () => {
    server = await startCliServer(["--memory"]);
    origin = server.api.replace(/\/api\/v1$/, "");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("takes { clientId, clientSecret } and keeps working after its clock expired the token", async () => {
    const control = sandboxControl(origin, { clientId: "suite-client", clientSecret: "s" });
    const { now } = await control.clock.now();
    await control.clock.advance(2 * 3600);
    const back = await control.clock.set(now, { frozen: true });
    expect(back).toEqual({ now, frozen: true });
    await control.reset();
  });

  it("takes { username } as mock.tenant() does", async () => {
    await readIncident(server.api, basic("remote-user"));
    const calls = await sandboxControl(origin, { username: "remote-user" }).journal();
    expect(calls.map((call) => call.operationId)).toEqual(["getIncident"]);
  });

  it("says 'expired' for an expired token, on every use", async () => {
    const issued = await token(origin, "expired-client", "sandbox.control");
    await sandboxControl(origin, { token: issued }).clock.advance(3600);
    const control = sandboxControl(origin, `Bearer ${issued}`);
    await expect(control.reset()).rejects.toThrow(/401 The access token has expired/);
    await expect(control.journal()).rejects.toThrow(/401 The access token has expired/);
  });
});
