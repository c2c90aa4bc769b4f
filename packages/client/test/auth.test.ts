import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createServiceDeskClient,
  ServiceDeskError,
  ServiceDeskTimeoutError,
  scopesFor,
  type RequestEvent,
  type ResponseEvent,
  type ServiceDeskClientOptions,
} from "../src/index.js";
import { asRequest, basicClient, BASE, json, scriptedFetch, USER_AGENT } from "./helpers.js";

const TOKEN_URL = "https://sd.example.test/oauth/v2.0/access_token";
const SECRET = "client-SECRET-42";

/** Routes token requests and API calls to two scripts; records both. */
function oauthServer(
  tokenAnswers: Array<(request: Request) => Response | Promise<Response>>,
  apiAnswer: (request: Request) => Response,
) {
  const tokenRequests: Request[] = [];
  const apiRequests: Request[] = [];
  const fetch = vi.fn(async (input: string | Request, init?: RequestInit) => {
    const request = asRequest(input, init);
    if (request.url.startsWith(TOKEN_URL)) {
      tokenRequests.push(request);
      const next = tokenAnswers.length > 1 ? tokenAnswers.shift()! : tokenAnswers[0]!;
      return next(request);
    }
    apiRequests.push(request);
    return apiAnswer(request);
  });
  return { fetch, tokenRequests, apiRequests };
}

const token =
  (value: string, expiresIn = 3600) =>
  () =>
    json({ access_token: value, token_type: "Bearer", expires_in: expiresIn });

function oauthClient(
  fetch: ServiceDeskClientOptions["fetch"],
  options: Partial<Parameters<typeof createServiceDeskClient>[0]> = {},
) {
  return createServiceDeskClient({
    baseUrl: BASE,
    auth: {
      clientId: "toolkit",
      clientSecret: SECRET,
      scopes: scopesFor(["GET /incident", "PUT /incident"]),
    },
    fetch,
    retry: false,
    ...options,
  });
}

/** A token endpoint that never answers, but gives up when the request is aborted, as fetch does. */
const silent = (request: Request) =>
  new Promise<Response>((_, reject) =>
    request.signal.addEventListener("abort", () => reject(request.signal.reason)),
  );

/** Every place a secret could show up when an error is logged. */
const renderings = (error: unknown) => [
  String(error),
  (error as Error).stack ?? "",
  JSON.stringify(error) ?? "",
  inspect(error, { showHidden: true, depth: 10 }),
];

afterEach(() => {
  vi.useRealTimers();
});

describe("HTTP Basic", () => {
  it("sends the exact Basic header on every call", async () => {
    const { fetch, requests } = scriptedFetch(json({ id: 4211 }));
    const sd = basicClient(fetch);
    await sd.GET("/incident", { params: { query: { id: 4211 } } });
    await sd.GET("/incident", { params: { query: { id: 4212 } } });
    expect(requests.map((r) => r.headers.get("authorization"))).toEqual([
      "Basic YXBpOnBhNTUtdzByZC1TRUNSRVQ=",
      "Basic YXBpOnBhNTUtdzByZC1TRUNSRVQ=",
    ]);
  });

  it("encodes non-ASCII credentials as UTF-8", async () => {
    const { fetch, requests } = scriptedFetch(json({}));
    const sd = createServiceDeskClient({
      baseUrl: BASE,
      auth: { username: "jörg", password: "pässwörd €" },
      fetch,
    });
    await sd.GET("/sd.version");
    expect(requests[0]!.headers.get("authorization")).toBe("Basic asO2cmc6cMOkc3N3w7ZyZCDigqw=");
  });

  it("sends a User-Agent naming the package version", async () => {
    const { fetch, requests } = scriptedFetch(json({}));
    await basicClient(fetch).GET("/sd.version");
    expect(requests[0]!.headers.get("user-agent")).toBe(USER_AGENT);
  });
});

describe("static bearer token", () => {
  it("sends Authorization: Bearer <token>", async () => {
    const { fetch, requests } = scriptedFetch(json({}));
    const sd = createServiceDeskClient({ baseUrl: BASE, auth: { token: "tok-static" }, fetch });
    await sd.GET("/sd.version");
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer tok-static");
  });
});

describe("OAuth2 client credentials", () => {
  it("fetches a token on first use with an exact client-credentials request", async () => {
    const server = oauthServer([token("tok-1")], () => json({ id: 4211 }));
    const sd = oauthClient(server.fetch);
    expect(server.fetch).not.toHaveBeenCalled();
    await sd.GET("/incident", { params: { query: { id: 4211 } } });

    expect(server.tokenRequests).toHaveLength(1);
    const [tokenRequest] = server.tokenRequests;
    expect(tokenRequest!.method).toBe("POST");
    expect(tokenRequest!.url).toBe(TOKEN_URL);
    expect(tokenRequest!.headers.get("authorization")).toBeNull();
    expect(tokenRequest!.headers.get("content-type")).toBe(
      "application/x-www-form-urlencoded;charset=UTF-8",
    );
    expect(await tokenRequest!.text()).toBe(
      `grant_type=client_credentials&client_id=toolkit&client_secret=${SECRET}&scope=api.v1.incident%3Aget+api.v1.incident%3Aput`,
    );
    expect(server.apiRequests[0]!.headers.get("authorization")).toBe("Bearer tok-1");
  });

  it("sends the token request with its own headers only, not the client's custom ones", async () => {
    // A gateway key meant for the API must not reach the token URL, which may be another host.
    const server = oauthServer([token("tok-1")], () => json({ id: 4211 }));
    const sd = oauthClient(server.fetch, { headers: { "X-Gateway-Key": "gw-SECRET-7" } });
    await sd.GET("/incident", { params: { query: { id: 4211 } } });

    const [tokenRequest] = server.tokenRequests;
    expect([...tokenRequest!.headers.keys()].sort()).toEqual(["content-type", "user-agent"]);
    expect(tokenRequest!.headers.get("user-agent")).toBe(USER_AGENT);
    expect(server.apiRequests[0]!.headers.get("x-gateway-key")).toBe("gw-SECRET-7");
  });

  it("shares one token request between concurrent calls", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = oauthServer([async () => (await gate, token("tok-1")())], () => json({ id: 1 }));
    const sd = oauthClient(server.fetch);
    const calls = [1, 2, 3, 4, 5].map((id) => sd.GET("/incident", { params: { query: { id } } }));
    await vi.waitFor(() => expect(server.tokenRequests).toHaveLength(1));
    release();
    await Promise.all(calls);
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.apiRequests.map((r) => r.headers.get("authorization"))).toEqual(
      Array(5).fill("Bearer tok-1"),
    );
  });

  it("caches the token until shortly before it expires, then fetches a new one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-28T09:00:00Z"));
    const server = oauthServer([token("tok-1", 3600), token("tok-2", 3600)], () => json({}));
    const sd = oauthClient(server.fetch);
    await sd.GET("/sd.version");
    vi.setSystemTime(new Date("2026-11-28T09:53:59Z")); // 3239 s: still inside 90% of the lifetime
    await sd.GET("/sd.version");
    expect(server.tokenRequests).toHaveLength(1);
    vi.setSystemTime(new Date("2026-11-28T09:54:01Z")); // 3241 s: renewed ahead of expiry
    await sd.GET("/sd.version");
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.apiRequests.map((r) => r.headers.get("authorization"))).toEqual([
      "Bearer tok-1",
      "Bearer tok-1",
      "Bearer tok-2",
    ]);
  });

  it("refreshes the token once on a 401 and repeats the call", async () => {
    const server = oauthServer([token("tok-1"), token("tok-2")], (request) =>
      request.headers.get("authorization") === "Bearer tok-2"
        ? json({ id: 4211 })
        : json({ error: "expired" }, { status: 401 }),
    );
    const sd = oauthClient(server.fetch);
    const { data, response } = await sd.PUT("/incident", {
      body: { id: 4211, title: "New title" },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 4211 });
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.apiRequests).toHaveLength(2);
    // The repeated write carries its body again.
    expect(await server.apiRequests[1]!.text()).toBe("id=4211&title=New+title");
  });

  it("refreshes only once: a second 401 reaches the caller", async () => {
    const server = oauthServer([token("tok-1"), token("tok-2"), token("tok-3")], () =>
      json({ error: "Invalid credentials", status: 401 }, { status: 401 }),
    );
    const sd = oauthClient(server.fetch);
    const { error, response } = await sd.GET("/incident", { params: { query: { id: 1 } } });
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: "Invalid credentials", status: 401 });
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.apiRequests).toHaveLength(2);
  });

  it("concurrent 401s on the same token lead to a single new token", async () => {
    let revoked = false;
    const server = oauthServer([token("tok-1"), token("tok-2")], (request) =>
      revoked && request.headers.get("authorization") === "Bearer tok-1"
        ? json({}, { status: 401 })
        : json({}),
    );
    const sd = oauthClient(server.fetch);
    await sd.GET("/sd.version");
    revoked = true; // the server drops tok-1 early
    const results = await Promise.all([1, 2, 3].map(() => sd.GET("/sd.version")));
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.apiRequests.map((r) => r.headers.get("authorization"))).toEqual([
      "Bearer tok-1",
      ...Array(3).fill("Bearer tok-1"),
      ...Array(3).fill("Bearer tok-2"),
    ]);
  });

  it("derives the token URL from the instance or the base URL, or takes the one given", async () => {
    for (const [options, expected] of [
      [
        { instance: "acme.sd.cloud.invgate.net" },
        "https://acme.sd.cloud.invgate.net/oauth/v2.0/access_token",
      ],
      [
        { baseUrl: "https://sd.example.test/helpdesk/api/v1" },
        "https://sd.example.test/helpdesk/oauth/v2.0/access_token",
      ],
      [
        { baseUrl: BASE, auth: { tokenUrl: "https://login.example.test/token" } },
        "https://login.example.test/token",
      ],
    ] as const) {
      const { fetch, requests } = scriptedFetch(json({ access_token: "t", expires_in: 60 }));
      const sd = createServiceDeskClient({
        ...options,
        auth: {
          clientId: "c",
          clientSecret: "s",
          scopes: [],
          ...("auth" in options ? options.auth : {}),
        },
        fetch,
      } as Parameters<typeof createServiceDeskClient>[0]);
      await sd.GET("/sd.version");
      expect(requests[0]!.url).toBe(expected);
    }
    expect(() =>
      createServiceDeskClient({
        baseUrl: BASE,
        auth: {
          clientId: "c",
          clientSecret: "s",
          scopes: [],
          tokenUrl: "http://login.example.test/token",
        },
      }),
    ).toThrow("options.auth.tokenUrl must be https://");
  });

  it("reports a refused token request as a ServiceDeskError without the secret", async () => {
    const server = oauthServer([() => json({ error: "invalid_client" }, { status: 401 })], () =>
      json({}),
    );
    const sd = oauthClient(server.fetch);
    const failure = await sd.GET("/sd.version").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceDeskError);
    expect(failure).toMatchObject({
      status: 401,
      method: "POST",
      path: TOKEN_URL,
      serverMessage: "invalid_client",
    });
    expect((failure as Error).message).toBe(
      `POST ${TOKEN_URL} failed with HTTP 401: invalid_client`,
    );
    for (const text of renderings(failure)) expect(text).not.toContain(SECRET);
    expect(server.apiRequests).toHaveLength(0);
  });

  it("keeps the secret and the token out of timeout errors, hooks and the client object", async () => {
    vi.useFakeTimers();
    const events: (RequestEvent | ResponseEvent)[] = [];
    let tokenAnswered = false;
    const server = oauthServer(
      [
        silent, // the first token request times out
        () => ((tokenAnswered = true), token("tok-SECRET-BEARER")()),
      ],
      () => json({ error: "nope" }, { status: 403 }),
    );
    const sd = oauthClient(server.fetch, {
      timeoutMs: 1000,
      onRequest: (event) => events.push(event),
      onResponse: (event) => events.push(event),
    });
    const first = sd.GET("/sd.version").catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    const timedOut = await first;
    expect(timedOut).toBeInstanceOf(ServiceDeskTimeoutError);
    const failure = await sd.unwrap(sd.GET("/sd.version")).catch((error: unknown) => error);
    expect(tokenAnswered).toBe(true);
    expect(failure).toMatchObject({ status: 403, path: "/sd.version" });
    for (const text of [
      ...renderings(timedOut),
      ...renderings(failure),
      JSON.stringify(events),
      inspect(events, { depth: 10 }),
      inspect(sd, { showHidden: true, depth: 10 }),
    ]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("tok-SECRET-BEARER");
    }
    // The hooks saw the token request too, with its body (the secret) out of reach.
    expect(events.filter((event) => event.url === TOKEN_URL)).toHaveLength(3);
  });

  it("keeps the token request away from sd.use() middleware", async () => {
    const seen: string[] = [];
    const server = oauthServer([token("tok-1")], () => json({ id: 1 }));
    const sd = oauthClient(server.fetch);
    sd.use({
      async onRequest({ request }) {
        seen.push(`${request.url} ${await request.clone().text()}`);
        // Returning a new Request drops the properties openapi-fetch copied onto the old one;
        // on the token request that used to make it wait for its own token, forever.
        return new Request(request, { headers: { "X-Trace": "1" } });
      },
    });
    const { data } = await sd.GET("/incident", { params: { query: { id: 1 } } });
    expect(data).toEqual({ id: 1 });
    expect(seen).toEqual([`${BASE}/incident?id=1 `]);
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.apiRequests[0]!.headers.get("authorization")).toBe("Bearer tok-1");
    expect(server.apiRequests[0]!.headers.get("x-trace")).toBe("1");
  });

  it("stops waiting for the token when the caller aborts; the token still serves later calls", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = oauthServer([async () => (await gate, token("tok-1")())], () => json({}));
    const sd = oauthClient(server.fetch);
    const controller = new AbortController();
    const call = sd.GET("/sd.version", { signal: controller.signal }).catch((error) => error);
    await vi.waitFor(() => expect(server.tokenRequests).toHaveLength(1));
    const reason = new Error("user went away");
    controller.abort(reason);
    expect(await call).toBe(reason);
    expect(server.apiRequests).toHaveLength(0);
    release();
    expect((await sd.GET("/sd.version")).response.status).toBe(200);
    expect(server.tokenRequests).toHaveLength(1);
  });

  it("counts the wait for a token against the call's time limit", async () => {
    vi.useFakeTimers();
    const server = oauthServer([silent], () => json({}));
    const sd = oauthClient(server.fetch, { timeoutMs: 5000 });
    const call = sd.GET("/sd.version", { timeoutMs: 1000 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await call).toMatchObject({
      name: "ServiceDeskTimeoutError",
      message: "GET /sd.version timed out after 1000 ms",
    });
    expect(server.apiRequests).toHaveLength(0);
  });

  it("rejects a token answer without access_token", async () => {
    const server = oauthServer([() => json({ token_type: "Bearer" })], () => json({}));
    await expect(oauthClient(server.fetch).GET("/sd.version")).rejects.toThrow(
      "OAuth token answer without access_token",
    );
  });
});
