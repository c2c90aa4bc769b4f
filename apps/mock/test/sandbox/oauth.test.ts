// OAuth 2.0 against the sandbox, end to end through the client: the client credentials grant
// at /oauth/v2.0/access_token (the client's default token URL next to /api/v1), scopes from
// scopesFor(), 403 for a missing scope, 401 for an unknown or expired token, renewal after
// expiry, and the OAuth client id as the tenant.
import { createServiceDeskClient, scopesFor, type Operation } from "@sd-toolkit/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

/** A client with OAuth credentials, counting the token requests it makes. */
function oauthClient(clientId: string, operations: Operation[]) {
  const tokenRequests: string[] = [];
  const client = createServiceDeskClient({
    baseUrl: mock.apiUrl,
    auth: { clientId, clientSecret: "client-secret", scopes: scopesFor(operations) },
    retry: false,
    timeoutMs: 20_000,
    fetch: (input: Request | string | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes("/oauth/")) tokenRequests.push(url);
      return fetch(input, init);
    },
  });
  return { client, tokenRequests };
}

const newRequest = {
  title: "Created with an OAuth token",
  type_id: 1,
  priority_id: 2,
  category_id: 37,
  customer_id: 1187,
  creator_id: 1187,
} as const;

async function tokenRequest(form: Record<string, string>) {
  const response = await fetch(`${mock.origin}/oauth/v2.0/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("OAuth client credentials against the sandbox", () => {
  it("gets a token at the default token URL and calls within its scopes", async () => {
    const { client, tokenRequests } = oauthClient("integration-a", [
      "GET /incident",
      "POST /incident",
    ]);
    const created = await client.POST("/incident", { body: newRequest });
    expect(created.response.status).toBe(200);
    const id = Number((created.data as { request_id: string }).request_id);
    const read = await client.GET("/incident", { params: { query: { id } } });
    expect(read.data).toMatchObject({ title: "Created with an OAuth token" });
    expect(tokenRequests).toEqual([`${mock.origin}/oauth/v2.0/access_token`]);
  });

  it("answers 403 with {error, status} for an operation outside the token's scopes", async () => {
    const { client } = oauthClient("integration-b", ["GET /incident"]);
    const { response, error } = await client.POST("/incident", { body: newRequest });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ status: 403 });
    expect(String((error as { error: string }).error)).toContain("api.v1.incident:post");
  });

  it("keeps one tenant per OAuth client id, apart from Basic users and other clients", async () => {
    const first = oauthClient("shared-client", ["POST /incident", "GET /incident"]).client;
    const second = oauthClient("shared-client", ["GET /incident"]).client;
    const stranger = oauthClient("other-client", ["GET /incident"]).client;
    const created = await first.POST("/incident", { body: newRequest });
    const id = Number((created.data as { request_id: string }).request_id);
    expect((await second.GET("/incident", { params: { query: { id } } })).data).toMatchObject({
      title: newRequest.title,
    });
    expect((await stranger.GET("/incident", { params: { query: { id } } })).data).toBe(false);
    const basicUser = createServiceDeskClient({
      baseUrl: mock.apiUrl,
      auth: { username: "shared-client", password: "x" },
      retry: false,
    });
    expect((await basicUser.GET("/incident", { params: { query: { id } } })).data).toBe(false);
    const journal = await mock.tenant({ clientId: "shared-client" }).journal();
    expect(journal.map((c) => c.operationId)).toEqual(["createIncident", "getIncident"]);
  });

  it("renews the token once the sandbox clock passes its expiry", async () => {
    const { client, tokenRequests } = oauthClient("renewing-client", ["GET /incident"]);
    const get = () => client.GET("/incident", { params: { query: { id: 4211 } } });
    expect((await get()).response.status).toBe(200);
    expect(tokenRequests).toHaveLength(1);
    // The token lives an hour of sandbox time: advancing the tenant's clock expires it, the
    // sandbox answers 401, and the client fetches a new token and repeats the call once.
    await mock.tenant({ clientId: "renewing-client" }).clock.advance(3601);
    expect((await get()).response.status).toBe(200);
    expect(tokenRequests).toHaveLength(2);
  });

  it("answers 401 to a token it never issued, and to an expired one", async () => {
    const unknown = await fetch(`${mock.apiUrl}/incident?id=4211`, {
      headers: { authorization: "Bearer never-issued-here" },
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ status: 401 });
    const { body } = await tokenRequest({
      grant_type: "client_credentials",
      client_id: "expiring",
      client_secret: "s",
      scope: "api.v1.incident:get",
    });
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "api.v1.incident:get",
    });
    const auth = { authorization: `Bearer ${String(body["access_token"])}` };
    expect((await fetch(`${mock.apiUrl}/incident?id=4211`, { headers: auth })).status).toBe(200);
    await mock.tenant({ clientId: "expiring" }).clock.advance(3600);
    const expired = await fetch(`${mock.apiUrl}/incident?id=4211`, { headers: auth });
    expect(expired.status).toBe(401);
    expect((await expired.json()) as { error: string }).toMatchObject({
      error: expect.stringMatching(/expired/),
    });
  });

  it("refuses token requests it cannot grant, naming the problem", async () => {
    const base = { grant_type: "client_credentials", client_id: "c", client_secret: "s" };
    expect(
      await tokenRequest({ ...base, scope: "api.v1.incident:get api.v1.nowhere:get" }),
    ).toMatchObject({
      status: 400,
      body: {
        error: "invalid_scope",
        error_description: expect.stringContaining("api.v1.nowhere:get"),
      },
    });
    expect(await tokenRequest({ ...base })).toMatchObject({
      status: 400,
      body: { error: "invalid_scope" },
    });
    expect(
      await tokenRequest({ ...base, grant_type: "password", scope: "api.v1.incident:get" }),
    ).toMatchObject({
      status: 400,
      body: { error: "unsupported_grant_type" },
    });
    expect(
      await tokenRequest({
        grant_type: "client_credentials",
        client_id: "c",
        scope: "api.v1.incident:get",
      }),
    ).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("checks the tokens it issued in the examples mode too, and takes any other there", async () => {
    const examples = await startMock({ port: 0, mode: "examples" });
    try {
      const client = createServiceDeskClient({
        baseUrl: examples.apiUrl,
        auth: { clientId: "c", clientSecret: "s", scopes: scopesFor(["GET /incident"]) },
        retry: false,
      });
      expect(
        (await client.GET("/incident", { params: { query: { id: 4211 } } })).response.status,
      ).toBe(200);
      expect((await client.POST("/incident", { body: newRequest })).response.status).toBe(403);
      const other = await fetch(`${examples.apiUrl}/incident?id=4211`, {
        headers: { authorization: "Bearer made-up-elsewhere" },
      });
      expect(other.status).toBe(200);
    } finally {
      await examples.close();
    }
  });

  it("takes the client credentials of MOCK_AUTH's list only", async () => {
    const strict = await startMock({ port: 0, memory: true, auth: "basic:known:right" });
    try {
      const ask = (secret: string) =>
        fetch(`${strict.origin}/oauth/v2.0/access_token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: "known",
            client_secret: secret,
            scope: "api.v1.incident:get",
          }),
        });
      expect((await ask("wrong")).status).toBe(401);
      expect((await ask("right")).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
