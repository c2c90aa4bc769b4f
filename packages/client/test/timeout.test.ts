import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ServiceDeskError, ServiceDeskTimeoutError } from "../src/index.js";
import { asRequest, basicClient, hangingFetch, json, scriptedFetch } from "./helpers.js";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Records how a promise settled, without unhandled rejections while time is advanced. */
function watch<T>(promise: Promise<T>) {
  const state: { settled: boolean; error?: unknown; value?: T } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe("timeout", () => {
  it("fails a call after 30 s by default with a ServiceDeskTimeoutError, without retrying it", async () => {
    const { fetch } = hangingFetch();
    const call = watch(basicClient(fetch).GET("/incident", { params: { query: { id: 4211 } } }));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(ServiceDeskTimeoutError);
    expect(call.error).toBeInstanceOf(ServiceDeskError);
    expect(call.error).toMatchObject({
      name: "ServiceDeskTimeoutError",
      message: "GET /incident timed out after 30000 ms",
      status: 0,
      method: "GET",
      path: "/incident",
      timeoutMs: 30_000,
    });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("also times out an answer whose headers arrived but whose body stalls", async () => {
    // Like a real fetch, the body stream fails when the request's signal aborts.
    const fetch = vi.fn(async (input: string | Request, init?: RequestInit) => {
      const request = asRequest(input, init);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
        },
      });
      return new Response(body, { headers: { "Content-Type": "application/json" } });
    });
    const call = watch(
      basicClient(fetch, { timeoutMs: 2000 }).GET("/incident", { params: { query: { id: 4211 } } }),
    );
    await vi.advanceTimersByTimeAsync(1999);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(ServiceDeskTimeoutError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("takes timeoutMs from the options, and per call", async () => {
    const { fetch } = hangingFetch();
    const sd = basicClient(fetch, { timeoutMs: 5000 });
    const first = watch(sd.GET("/sd.version"));
    const second = watch(sd.GET("/sd.version", { timeoutMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(second.error).toBeInstanceOf(ServiceDeskTimeoutError);
    expect(first.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(4000);
    expect((first.error as ServiceDeskTimeoutError).timeoutMs).toBe(5000);
  });

  it("sets no timer with timeoutMs: false, and leaves none behind after an answer", async () => {
    const { fetch } = hangingFetch();
    watch(basicClient(fetch, { timeoutMs: false }).GET("/sd.version"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);

    const answered = scriptedFetch(json({}));
    await basicClient(answered.fetch).GET("/sd.version");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("the wait before a retry", () => {
  it("does not count against the time limit, and cancels the body of the answer it drops", async () => {
    let cancelled = false;
    const tooMany = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new TextEncoder().encode('{"error":"slow down"}'));
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 429, headers: { "Retry-After": "2", "Content-Type": "application/json" } },
      );
    const { fetch } = scriptedFetch(tooMany, json({ version: "7.4" }));
    const call = watch(basicClient(fetch, { timeoutMs: 1000 }).GET("/sd.version"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(cancelled).toBe(true);
    // Two seconds of Retry-After, twice the time limit: the limit sleeps during the wait.
    await vi.advanceTimersByTimeAsync(1999);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(call.error).toBeUndefined();
    expect(call.value).toMatchObject({ data: { version: "7.4" } });
  });
});

describe("per-call timeoutMs, checked like the client's option", () => {
  it("refuses a time limit setTimeout cannot honour with a TypeError naming it, before sending", async () => {
    // Each of these used to end the call after about 1 ms.
    const { fetch } = hangingFetch();
    const sd = basicClient(fetch);
    for (const timeoutMs of [0, -5, 3e9, Number.NaN, "soon"]) {
      const error = await sd.GET("/sd.version", { timeoutMs } as never).catch((e: unknown) => e);
      expect(error, String(timeoutMs)).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(
        "GET /sd.version: timeoutMs must be a positive number below 2^31, Infinity or false",
      );
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("takes Infinity, per call and client-wide, as no limit at all", async () => {
    const { fetch } = hangingFetch();
    const perCall = watch(basicClient(fetch).GET("/sd.version", { timeoutMs: Infinity }));
    const clientWide = watch(basicClient(fetch, { timeoutMs: Infinity }).GET("/sd.version"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(perCall.settled).toBe(false);
    expect(clientWide.settled).toBe(false);
  });
});

describe("caller's AbortSignal", () => {
  it("aborts the call with the caller's reason and does not retry it", async () => {
    const { fetch } = hangingFetch();
    const controller = new AbortController();
    const call = watch(basicClient(fetch).GET("/sd.version", { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    const reason = new DOMException("user left the page", "AbortError");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBe(reason);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("stops a pending retry at once", async () => {
    const { fetch } = scriptedFetch(json({}, { status: 503 }));
    const controller = new AbortController();
    vi.spyOn(Math, "random").mockReturnValue(0.99);
    const call = watch(
      basicClient(fetch, { retry: { baseDelayMs: 10_000 } }).GET("/sd.version", {
        signal: controller.signal,
      }),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch).toHaveBeenCalledTimes(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect((call.error as Error).name).toBe("AbortError");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once when the signal is already aborted, sending nothing", async () => {
    const { fetch } = hangingFetch();
    const call = watch(basicClient(fetch).GET("/sd.version", { signal: AbortSignal.abort() }));
    await vi.advanceTimersByTimeAsync(0);
    expect((call.error as Error).name).toBe("AbortError");
    expect(fetch).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("no timer outlives its call", () => {
  it("clears the deadline when an onRequest hook throws", async () => {
    const { fetch } = scriptedFetch(json({}));
    const boom = new Error("hook failed");
    const sd = basicClient(fetch, {
      onRequest: () => {
        throw boom;
      },
    });
    const call = watch(sd.GET("/sd.version"));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBe(boom);
    expect(fetch).not.toHaveBeenCalled();
    // The 30 s deadline used to stay armed here, keeping a process alive after the call ended.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("clears the deadline when the request cannot be copied (a middleware read its body)", async () => {
    const { fetch } = scriptedFetch(json({}));
    const sd = basicClient(fetch);
    sd.use({
      async onRequest({ request }) {
        await request.text();
      },
    });
    const call = watch(sd.PUT("/incident", { body: { id: 1 } }));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(TypeError);
    expect(fetch).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
