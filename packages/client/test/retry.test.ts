import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_RETRY, isRetryable, retryAfter, retryDelay } from "../src/retry.js";
import { basicClient, json, scriptedFetch } from "./helpers.js";

const NOW = Date.parse("2026-11-28T09:00:00Z");

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the client run until it waits on a timer; returns the number of fetch calls so far. */
async function settle(fetch: { mock: { calls: unknown[] } }, ms = 0): Promise<number> {
  await vi.advanceTimersByTimeAsync(ms);
  return fetch.mock.calls.length;
}

const tooMany = (retryAfter?: string) =>
  json(
    { error: "Rate limit exceeded", status: 429 },
    { status: 429, headers: retryAfter ? { "Retry-After": retryAfter } : {} },
  );

describe("Retry-After", () => {
  it("reads delta-seconds and HTTP dates", () => {
    const of = (value: string) =>
      retryAfter(new Response(null, { headers: { "Retry-After": value } }));
    expect(of("120")).toBe(120);
    expect(of(" 7 ")).toBe(7);
    expect(of("Sat, 28 Nov 2026 09:01:30 GMT")).toBe(90);
    expect(of("Sat, 28 Nov 2026 08:00:00 GMT")).toBe(0);
    expect(of("soon")).toBeUndefined();
    expect(retryAfter(new Response(null))).toBeUndefined();
    expect(retryAfter(undefined)).toBeUndefined();
  });

  it("is honoured in seconds for a 429, even on POST", async () => {
    const { fetch, requests } = scriptedFetch(tooMany("2"), json({ status: "OK", request_id: 1 }));
    const call = basicClient(fetch).POST("/incident.comment", {
      body: { request_id: 4211, comment: "Hi", author_id: 1042 },
    });
    expect(await settle(fetch)).toBe(1);
    expect(await settle(fetch, 1999)).toBe(1);
    expect(await settle(fetch, 1)).toBe(2);
    const { data, response } = await call;
    expect(response.status).toBe(200);
    expect(data).toEqual({ status: "OK", request_id: 1 });
    // The repeated POST carries the same body.
    const bodies = await Promise.all(requests.map((request) => request.text()));
    expect(bodies).toEqual(Array(2).fill("request_id=4211&comment=Hi&author_id=1042"));
  });

  it("is honoured as an HTTP date", async () => {
    const { fetch } = scriptedFetch(tooMany(new Date(NOW + 5000).toUTCString()), json({}));
    const call = basicClient(fetch).GET("/sd.version");
    expect(await settle(fetch, 4999)).toBe(1);
    expect(await settle(fetch, 1)).toBe(2);
    expect((await call).response.status).toBe(200);
  });

  it("is capped by maxDelayMs", async () => {
    const { fetch } = scriptedFetch(tooMany("3600"), json({}));
    const call = basicClient(fetch, { retry: { maxDelayMs: 10_000, budgetMs: 60_000 } }).GET(
      "/sd.version",
    );
    expect(await settle(fetch, 9999)).toBe(1);
    expect(await settle(fetch, 1)).toBe(2);
    await call;
  });

  it("is not waited for beyond the time budget: the 429 reaches the caller", async () => {
    const { fetch } = scriptedFetch(tooMany("30"), json({}));
    const { response, error } = await basicClient(fetch, { retry: { budgetMs: 10_000 } }).GET(
      "/sd.version",
    );
    expect(response.status).toBe(429);
    expect(error).toEqual({ error: "Rate limit exceeded", status: 429 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("backoff with full jitter", () => {
  it("waits a random time between 0 and base * 2^(retry-1), capped", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect([1, 2, 3].map((n) => retryDelay(n, undefined, policy))).toEqual([0, 0, 0]);
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    const highest = [1, 2, 3, 4, 5].map((n) => retryDelay(n, undefined, policy));
    expect(highest.map(Math.ceil)).toEqual([100, 200, 400, 800, 1000]);
    for (const [index, delay] of highest.entries())
      expect(delay).toBeLessThan(Math.min(1000, 100 * 2 ** index) + 1e-9);
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(retryDelay(3, undefined, policy)).toBe(200);
    const twoSeconds = new Response(null, { headers: { "Retry-After": "2" } });
    expect(retryDelay(1, twoSeconds, policy)).toBe(1000); // capped at 1 s
  });

  it("retries 429 for every method, network errors and 502/503/504 for GET only", () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
      expect(isRetryable(method, 429, DEFAULT_RETRY)).toBe(true);
    for (const status of [undefined, 502, 503, 504]) {
      expect(isRetryable("GET", status, DEFAULT_RETRY)).toBe(true);
      expect(isRetryable("POST", status, DEFAULT_RETRY)).toBe(false);
      expect(isRetryable("DELETE", status, DEFAULT_RETRY)).toBe(false);
    }
    for (const status of [200, 400, 401, 403, 428, 500, 501, 505])
      expect(isRetryable("GET", status, DEFAULT_RETRY)).toBe(false);
    expect(isRetryable("DELETE", 503, { ...DEFAULT_RETRY, methods: ["GET", "DELETE"] })).toBe(true);
  });

  it("spaces GET retries of a 503 exponentially and gives up after `attempts`", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { fetch } = scriptedFetch(json({ error: "busy" }, { status: 503 }));
    const call = basicClient(fetch, { retry: { attempts: 4, baseDelayMs: 1000 } }).GET(
      "/sd.version",
    );
    expect(await settle(fetch)).toBe(1);
    expect(await settle(fetch, 499)).toBe(1);
    expect(await settle(fetch, 1)).toBe(2); // 0.5 * 1000
    expect(await settle(fetch, 999)).toBe(2);
    expect(await settle(fetch, 1)).toBe(3); // 0.5 * 2000
    expect(await settle(fetch, 1999)).toBe(3);
    expect(await settle(fetch, 1)).toBe(4); // 0.5 * 4000
    const { response } = await call;
    expect(response.status).toBe(503);
    expect(await settle(fetch, 60_000)).toBe(4);
  });

  it("does not repeat a write after a 503 or a network error", async () => {
    const busy = scriptedFetch(json({}, { status: 503 }));
    const { response } = await basicClient(busy.fetch).PUT("/incident", { body: { id: 1 } });
    expect(response.status).toBe(503);
    expect(busy.fetch).toHaveBeenCalledTimes(1);

    const down = scriptedFetch(new TypeError("fetch failed"));
    await expect(
      basicClient(down.fetch).POST("/incident.reassign", {
        body: { request_id: 1, group_id: 2, author_id: 1042 },
      }),
    ).rejects.toThrow("fetch failed");
    expect(down.fetch).toHaveBeenCalledTimes(1);
  });

  it("repeats a GET after a network error", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = scriptedFetch(
      new TypeError("fetch failed"),
      new TypeError("fetch failed"),
      json({ version: "7" }),
    );
    const call = basicClient(fetch).GET("/sd.version");
    await vi.runAllTimersAsync();
    const { data } = await call;
    expect(data).toEqual({ version: "7" });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("throws the network error once attempts are used up", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = scriptedFetch(new TypeError("fetch failed"));
    const failed = expect(
      basicClient(fetch, { retry: { attempts: 2 } }).GET("/sd.version"),
    ).rejects.toThrow("fetch failed");
    await vi.runAllTimersAsync();
    await failed;
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("retries other methods when the caller lists them", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = scriptedFetch(json({}, { status: 502 }), json({ status: "OK" }));
    const call = basicClient(fetch, { retry: { methods: ["GET", "DELETE"] } }).DELETE(
      "/kb.articles",
      {
        params: { query: { id: 310 } },
      },
    );
    await vi.runAllTimersAsync();
    const { data } = await call;
    expect(data).toEqual({ status: "OK" });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('matches methods in any case: `methods: ["get", "delete"]` retries DELETE too', async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = scriptedFetch(json({}, { status: 503 }), json({ status: "OK" }));
    const call = basicClient(fetch, { retry: { methods: ["get", "delete"] } }).DELETE(
      "/kb.articles",
      { params: { query: { id: 310 } } },
    );
    await vi.runAllTimersAsync();
    expect((await call).response.status).toBe(200);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("takes only `retry: false` per call; a per-call policy is a TypeError naming it", async () => {
    // A partial policy used to replace the client's and crash on its missing `methods`; then
    // it was silently ignored. Now it is refused before anything is sent.
    const { fetch } = scriptedFetch(json({ version: "7" }));
    const error = await basicClient(fetch)
      .GET("/sd.version", { retry: { attempts: 5 } } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("GET /sd.version: retry can only be false per call");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("is off with retry: false, for the client or for one call", async () => {
    const off = scriptedFetch(tooMany("1"), json({}));
    expect(
      (await basicClient(off.fetch, { retry: false }).GET("/sd.version")).response.status,
    ).toBe(429);
    expect(off.fetch).toHaveBeenCalledTimes(1);

    const once = scriptedFetch(tooMany("1"), json({}));
    expect(
      (await basicClient(once.fetch).GET("/sd.version", { retry: false })).response.status,
    ).toBe(429);
    expect(once.fetch).toHaveBeenCalledTimes(1);
  });
});
