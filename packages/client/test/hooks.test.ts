import { afterEach, describe, expect, it, vi } from "vitest";
import { createServiceDeskClient, type RequestEvent, type ResponseEvent } from "../src/index.js";
import { redactHeaders } from "../src/redact.js";
import { BASE, json, PASSWORD, scriptedFetch, USER_AGENT } from "./helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("redaction", () => {
  it("hides credential and session headers, keeps the rest", () => {
    const headers = new Headers({
      Authorization: "Basic YXBpOnBhNTU=",
      "Proxy-Authorization": "Basic eHg=",
      Cookie: "sid=1",
      "Set-Cookie": "sid=2",
      "User-Agent": USER_AGENT,
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: "[redacted]",
      "proxy-authorization": "[redacted]",
      cookie: "[redacted]",
      "set-cookie": "[redacted]",
      "user-agent": USER_AGENT,
    });
  });
});

describe("onRequest / onResponse hooks", () => {
  it("see every attempt with the Authorization header redacted", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const { fetch, requests: sent } = scriptedFetch(
      json({}, { status: 429, headers: { "Retry-After": "0" } }),
      json({ id: 4211 }),
    );
    const sd = createServiceDeskClient({
      baseUrl: BASE,
      auth: { username: "api", password: PASSWORD },
      fetch,
      onRequest: (event) => requests.push(event),
      onResponse: (event) => responses.push(event),
    });
    await sd.GET("/incident", { params: { query: { id: 4211 } } });

    expect(requests).toEqual(
      [1, 2].map((attempt) => ({
        method: "GET",
        url: `${BASE}/incident?id=4211`,
        attempt,
        headers: { authorization: "[redacted]", "user-agent": USER_AGENT },
      })),
    );
    expect(responses.map(({ status, attempt }) => [status, attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
    for (const event of responses) expect(event.durationMs).toBeGreaterThanOrEqual(0);
    // The request carried real credentials; the hooks never saw them.
    expect(sent[0]!.headers.get("authorization")).toMatch(/^Basic /);
    const seen = JSON.stringify([requests, responses]);
    expect(seen).not.toContain(PASSWORD);
    expect(seen).not.toContain(Buffer.from(`api:${PASSWORD}`).toString("base64"));
  });

  it("work as a logger: console.debug receives redacted events only", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const { fetch } = scriptedFetch(json({}));
    const sd = createServiceDeskClient({
      baseUrl: BASE,
      auth: { token: PASSWORD },
      fetch,
      onRequest: console.debug,
      onResponse: console.debug,
    });
    await sd.GET("/sd.version");
    expect(debug).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(debug.mock.calls)).not.toContain(PASSWORD);
    expect(debug.mock.calls[1]![0]).toMatchObject({
      status: 200,
      method: "GET",
      url: `${BASE}/sd.version`,
    });
  });

  it("cost nothing when absent: no event is built", async () => {
    const { fetch } = scriptedFetch(json({}));
    const sd = createServiceDeskClient({ baseUrl: BASE, auth: { token: "t" }, fetch });
    const forEach = vi.spyOn(Headers.prototype, "forEach");
    await sd.GET("/sd.version");
    expect(forEach).not.toHaveBeenCalled();
  });

  it("show each call's own headers, and an event changed by a hook stays its own", async () => {
    const { fetch } = scriptedFetch(json({}));
    const seen: Record<string, string>[] = [];
    const sd = createServiceDeskClient({
      baseUrl: BASE,
      auth: { username: "api", password: PASSWORD },
      headers: { "X-Tenant": "acme" },
      fetch,
      onRequest(event) {
        seen.push({ ...event.headers });
        // A careless hook: what it does to this event must not show in the next one.
        event.headers["x-tenant"] = "changed";
      },
    });
    const forEach = vi.spyOn(Headers.prototype, "forEach");
    await sd.GET("/sd.version");
    await sd.GET("/sd.version", { headers: { "X-Trace": "1" } });
    await sd.GET("/sd.version");
    const expected = {
      authorization: "[redacted]",
      "user-agent": USER_AGENT,
      "x-tenant": "acme",
    };
    expect(seen).toEqual([expected, { ...expected, "x-trace": "1" }, expected]);
    // The calls that send only the client's headers list them once, not once per call.
    expect(forEach).toHaveBeenCalledTimes(2);
  });
});
