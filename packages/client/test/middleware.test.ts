// What fetch and openapi-fetch middleware receive. Without middleware the client hands fetch a
// URL and an init (openapi-fetch built a RequestRecord); with middleware, openapi-fetch builds
// real Requests, and fetch gets a copy carrying the credential that middleware never sees.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Middleware } from "openapi-fetch";
import { ServiceDeskTimeoutError } from "../src/index.js";
import { basicClient, hangingFetch, json, scriptedFetch } from "./helpers.js";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A middleware that records the Authorization header of every Request it is shown. */
function spy() {
  const seen: Array<[string, Request, string | null]> = [];
  const middleware: Middleware = {
    onRequest({ request }) {
      seen.push(["onRequest", request, request.headers.get("authorization")]);
    },
    onResponse({ request }) {
      seen.push(["onResponse", request, request.headers.get("authorization")]);
    },
  };
  return { seen, middleware };
}

describe("what fetch receives", () => {
  it("without middleware: the URL and an init, as in a call to the global fetch", async () => {
    const { fetch } = scriptedFetch(json({ id: 4211 }));
    await basicClient(fetch).GET("/incident", { params: { query: { id: 4211 } } });
    const [input, init] = fetch.mock.calls[0]!;
    expect(input).toBe("https://sd.example.test/api/v1/incident?id=4211");
    expect(init?.method).toBe("GET");
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init?.headers).get("authorization")).toMatch(/^Basic /);
  });

  it("with middleware: a Request and an init with the attempt's signal", async () => {
    const { fetch, requests } = scriptedFetch(json({ id: 4211 }));
    const sd = basicClient(fetch);
    sd.use(spy().middleware);
    await sd.GET("/incident", { params: { query: { id: 4211 } } });
    const [input, init] = fetch.mock.calls[0]!;
    expect(input).toBeInstanceOf(Request);
    expect(Object.keys(init!)).toEqual(["signal"]);
    expect(requests[0]!.headers.get("authorization")).toMatch(/^Basic /);
  });
});

describe("middleware", () => {
  it("sees real Requests, never the credential, in onRequest and onResponse", async () => {
    vi.useRealTimers(); // the retry waits 0 ms
    const { fetch, requests } = scriptedFetch(json({}, { status: 429 }), json({ id: 1 }));
    const sd = basicClient(fetch, { retry: { baseDelayMs: 0 } });
    const { seen, middleware } = spy();
    sd.use(middleware);
    const { data } = await sd.PUT("/incident", { body: { id: 1, title: "VPN" } });
    expect(data).toEqual({ id: 1 });
    expect(
      seen.map(([hook, request, authorization]) => [
        hook,
        request instanceof Request,
        authorization,
      ]),
    ).toEqual([
      ["onRequest", true, null],
      ["onResponse", true, null],
    ]);
    // Both attempts went out with the credential and the whole body.
    expect(requests.map((request) => request.headers.get("authorization"))).toEqual([
      expect.stringMatching(/^Basic /),
      expect.stringMatching(/^Basic /),
    ]);
    expect(await Promise.all(requests.map((request) => request.text()))).toEqual([
      "id=1&title=VPN",
      "id=1&title=VPN",
    ]);
  });

  it("given for one call (the `middleware` option) also gets a real Request", async () => {
    const { fetch } = scriptedFetch(json({}));
    const { seen, middleware } = spy();
    await basicClient(fetch).GET("/sd.version", { middleware: [middleware] } as never);
    expect(seen[0]![1]).toBeInstanceOf(Request);
    expect(seen[0]![2]).toBeNull();
  });

  it("that replaces the Request keeps the call's time limit and its retry override", async () => {
    const replace: Middleware = {
      onRequest: ({ request }) => new Request(request, { headers: { "X-Trace": "1" } }),
    };
    const hanging = hangingFetch();
    const sd = basicClient(hanging.fetch);
    sd.use(replace);
    const outcome = sd.GET("/sd.version", { timeoutMs: 1000 } as never).catch((error) => error);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBeInstanceOf(ServiceDeskTimeoutError);
    expect(hanging.requests[0]!.headers.get("x-trace")).toBe("1");

    const unavailable = scriptedFetch(json({}, { status: 503 }));
    const other = basicClient(unavailable.fetch);
    other.use(replace);
    const { response } = await other.GET("/sd.version", { retry: false } as never);
    expect(response.status).toBe(503);
    expect(unavailable.fetch).toHaveBeenCalledTimes(1);
  });
});

describe("a multipart write", () => {
  it("is sent again whole when the server answers 429", async () => {
    vi.useRealTimers(); // Retry-After: 0
    const { fetch, requests } = scriptedFetch(
      json({}, { status: 429, headers: { "Retry-After": "0" } }),
      json({ status: "OK" }),
    );
    const file = new File(["%PDF-1.7"], "invoice.pdf", { type: "application/pdf" });
    await basicClient(fetch).POST("/kb.articles.attachments", {
      body: { article_id: 310, author_id: 1042, attachments: [file] },
    });
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const form = await request.formData();
      expect(form.get("article_id")).toBe("310");
      expect(await (form.get("attachments[]") as File).text()).toBe("%PDF-1.7");
    }
  });
});
