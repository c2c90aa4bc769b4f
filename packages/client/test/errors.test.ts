import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createServiceDeskClient,
  ServiceDeskAuthError,
  ServiceDeskError,
  ServiceDeskRateLimitError,
  ServiceDeskRefusedError,
  ServiceDeskTimeoutError,
} from "../src/index.js";
import { basicClient, BASE, json, PASSWORD, scriptedFetch } from "./helpers.js";

async function failureOf(promise: Promise<unknown>): Promise<ServiceDeskError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ServiceDeskError);
  return error as ServiceDeskError;
}

describe("unwrap: error classes by situation", () => {
  const cases = [
    [401, ServiceDeskAuthError, "ServiceDeskAuthError"],
    [403, ServiceDeskAuthError, "ServiceDeskAuthError"],
    [429, ServiceDeskRateLimitError, "ServiceDeskRateLimitError"],
    [428, ServiceDeskError, "ServiceDeskError"],
    [500, ServiceDeskError, "ServiceDeskError"],
  ] as const;
  for (const [status, kind, name] of cases) {
    it(`HTTP ${status} throws a ${name}, still a ServiceDeskError`, async () => {
      const { fetch } = scriptedFetch(
        json({ error: "no", status }, { status, headers: { "Retry-After": "7" } }),
      );
      const sd = basicClient(fetch, { retry: false });
      const error = await failureOf(
        sd.unwrap(sd.GET("/incident", { params: { query: { id: 1 } } })),
      );
      expect(error).toBeInstanceOf(kind);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      // Only the exact class for this status: a 428 is neither an auth nor a rate-limit error.
      for (const other of [
        ServiceDeskAuthError,
        ServiceDeskRateLimitError,
        ServiceDeskRefusedError,
      ]) {
        if (other !== kind) expect(error).not.toBeInstanceOf(other);
      }
    });
  }

  it("a 429 error carries the wait the server asked for", async () => {
    const { fetch } = scriptedFetch(
      json({ error: "slow down", status: 429 }, { status: 429, headers: { "Retry-After": "42" } }),
    );
    const sd = basicClient(fetch, { retry: false });
    const error = await failureOf(sd.unwrap(sd.PUT("/incident", { body: { id: 1 } })));
    expect(error).toBeInstanceOf(ServiceDeskRateLimitError);
    expect(error.retryAfter).toBe(42);
  });

  it("a refusal on a read (status ERROR with HTTP 200) throws the same ServiceDeskRefusedError as on a write", async () => {
    const refusal = { status: "ERROR", info: "Unknown status." };
    const { fetch } = scriptedFetch(json(refusal), json({ status: "ERROR", info: "not saved" }));
    const sd = basicClient(fetch);
    const read = await failureOf(
      sd.unwrap(sd.GET("/incidents.by.status", { params: { query: { status_id: 99 } } })),
    );
    const write = await failureOf(sd.unwrap(sd.PUT("/incident", { body: { id: 1 } })));
    for (const error of [read, write]) {
      expect(error).toBeInstanceOf(ServiceDeskRefusedError);
      expect(error.name).toBe("ServiceDeskRefusedError");
      expect(error.status).toBe(200);
    }
    expect(read.message).toBe("GET /incidents.by.status failed with status ERROR: Unknown status.");
  });

  it("the timeout error is still a ServiceDeskTimeoutError and a ServiceDeskError", () => {
    const error = new ServiceDeskTimeoutError({ method: "GET", path: "/incident" }, 5);
    expect(error).toBeInstanceOf(ServiceDeskError);
    expect(error).not.toBeInstanceOf(ServiceDeskRefusedError);
  });
});

describe("unwrap: a read that finds no record", () => {
  it("answers null where the server answers false", async () => {
    const { fetch } = scriptedFetch(json(false), json(false));
    const sd = basicClient(fetch);
    expect(await sd.unwrap(sd.GET("/user", { params: { query: { id: 999 } } }))).toBeNull();
    expect(await sd.unwrap(sd.GET("/incident", { params: { query: { id: 999 } } }))).toBeNull();
  });

  it("passes false through on a write, where it is not a lookup", async () => {
    const { fetch } = scriptedFetch(json(false));
    const sd = basicClient(fetch);
    expect(await sd.unwrap(sd.PUT("/incident", { body: { id: 1 } }))).toBe(false);
  });
});

describe("unwrap: data or throw", () => {
  it("returns the data of a successful call", async () => {
    const { fetch } = scriptedFetch(json({ id: 4211, title: "Laptop" }));
    const sd = basicClient(fetch);
    const incident = await sd.unwrap(sd.GET("/incident", { params: { query: { id: 4211 } } }));
    expect(incident).toEqual({ id: 4211, title: "Laptop" });
  });

  it("throws a ServiceDeskError with status, operation, server message and body on HTTP errors", async () => {
    const body = { error: "Missing required parameter id", status: 428 };
    const { fetch } = scriptedFetch(json(body, { status: 428 }));
    const sd = basicClient(fetch);
    const error = await failureOf(sd.unwrap(sd.GET("/incident", { params: { query: { id: 0 } } })));
    expect(error.message).toBe("GET /incident failed with HTTP 428: Missing required parameter id");
    expect(error).toMatchObject({
      name: "ServiceDeskError",
      status: 428,
      method: "GET",
      path: "/incident",
      serverMessage: "Missing required parameter id",
      body,
    });
    expect(error.retryAfter).toBeUndefined();
  });

  it("carries Retry-After of a 429 that outlasted the retries", async () => {
    const { fetch } = scriptedFetch(
      json(
        { error: "Rate limit exceeded", status: 429 },
        { status: 429, headers: { "Retry-After": "120" } },
      ),
    );
    const sd = basicClient(fetch, { retry: false });
    const error = await failureOf(sd.unwrap(sd.PUT("/incident", { body: { id: 1 } })));
    expect(error).toMatchObject({ status: 429, method: "PUT", path: "/incident", retryAfter: 120 });
  });

  it("throws on application errors returned with HTTP 200 and status ERROR", async () => {
    const body = { status: "ERROR", info: "The request 999 does not exist" };
    const { fetch } = scriptedFetch(json(body));
    const sd = basicClient(fetch);
    const error = await failureOf(
      sd.unwrap(
        sd.POST("/incident.reassign", { body: { request_id: 999, group_id: 12, author_id: 1042 } }),
      ),
    );
    expect(error.message).toBe(
      "POST /incident.reassign failed with status ERROR: The request 999 does not exist",
    );
    expect(error).toMatchObject({ status: 200, method: "POST", path: "/incident.reassign", body });
  });

  it("prefers `error` over `info`, and accepts the `Status` spelling", async () => {
    const { fetch } = scriptedFetch(
      json({ Status: "ERROR", error: "note too long", info: "failed" }),
    );
    const sd = basicClient(fetch);
    const error = await failureOf(
      sd.unwrap(sd.GET("/internalnotes", { params: { query: { id: 1 } } })),
    );
    expect(error.serverMessage).toBe("note too long");
  });

  it("lets OK envelopes and non-object answers through", async () => {
    const { fetch } = scriptedFetch(
      json({ status: "OK", info: "done" }),
      json(false),
      json([1, 2]),
    );
    const sd = basicClient(fetch);
    expect(await sd.unwrap(sd.PUT("/user.enable", { body: { id: 1 } }))).toEqual({
      status: "OK",
      info: "done",
    });
    // The server's `false` for an unknown record arrives as null (see "a read that finds no record").
    expect(await sd.unwrap(sd.GET("/user", { params: { query: { id: 404 } } }))).toBeNull();
    expect(
      await sd.unwrap(sd.GET("/incident.observer", { params: { query: { request_id: 1 } } })),
    ).toEqual([1, 2]);
  });

  it("reports a non-JSON error body as text", async () => {
    const { fetch } = scriptedFetch(new Response("Bad gateway", { status: 502 }));
    const sd = basicClient(fetch, { retry: false });
    const error = await failureOf(sd.unwrap(sd.GET("/sd.version")));
    expect(error).toMatchObject({ status: 502, body: "Bad gateway", serverMessage: undefined });
  });
});

describe("no credential in errors", () => {
  it("keeps the password and the token out of message, toJSON and util.inspect", async () => {
    for (const auth of [{ username: "api", password: PASSWORD }, { token: PASSWORD }]) {
      const { fetch } = scriptedFetch(
        json({ error: "Invalid credentials", status: 401 }, { status: 401 }),
      );
      const sd = createServiceDeskClient({ baseUrl: BASE, auth, fetch });
      const error = await failureOf(sd.unwrap(sd.GET("/sd.version")));
      const basic = Buffer.from(`api:${PASSWORD}`).toString("base64");
      for (const text of [
        error.message,
        JSON.stringify(error),
        inspect(error, { showHidden: true, depth: 10 }),
        String(error.stack),
      ]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(basic);
      }
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        name: "ServiceDeskAuthError",
        message: "GET /sd.version failed with HTTP 401: Invalid credentials",
        status: 401,
        method: "GET",
        path: "/sd.version",
        serverMessage: "Invalid credentials",
        body: { error: "Invalid credentials", status: 401 },
      });
    }
  });

  it("does not expose credentials on the client object", () => {
    const sd = createServiceDeskClient({
      baseUrl: BASE,
      auth: { username: "api", password: PASSWORD },
    });
    expect(inspect(sd, { showHidden: true, depth: 10 })).not.toContain(PASSWORD);
    expect(JSON.stringify(sd) ?? "").not.toContain(PASSWORD);
  });
});
