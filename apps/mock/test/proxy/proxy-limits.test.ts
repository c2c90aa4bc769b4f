// The proxy's safety caps, counted at the upstream: never more calls in flight than
// --upstream-concurrency, never more starts in a second than --upstream-rps. A 429 comes back
// with its Retry-After; an upstream that never answers gives a 504 naming it once
// --upstream-timeout has passed.
import type { ServerResponse } from "node:http";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { basic, call, startUpstream, type TestUpstream } from "../support/proxy-helpers.js";

const auth = basic("limits");
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

function version(res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end('{"version":"7.4.1"}');
}

async function both(
  handle: Parameters<typeof startUpstream>[0],
  options: Parameters<typeof startMock>[0],
): Promise<{ upstream: TestUpstream; proxy: RunningMock }> {
  const upstream = await startUpstream(handle);
  open.push(upstream);
  const proxy = await startMock({ ...options, upstream: upstream.api });
  open.unshift(proxy);
  return { upstream, proxy };
}

describe("the proxy's caps", () => {
  it("keeps at most --upstream-concurrency calls in flight upstream", async () => {
    let inFlight = 0;
    let most = 0;
    let received = 0;
    const { proxy } = await both(
      (_req, res) => {
        received += 1;
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Held a little, so that calls overlap whenever the proxy lets them.
        setTimeout(() => {
          inFlight -= 1;
          version(res);
        }, 25);
      },
      { upstreamConcurrency: 3, upstreamRps: 1000 },
    );
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call(proxy.apiUrl, "/sd.version", { authorization: auth })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(received).toBe(12);
    expect(most).toBe(3);
  });

  it("starts at most --upstream-rps calls in any second", async () => {
    const arrivals: number[] = [];
    const { proxy } = await both(
      (_req, res) => {
        arrivals.push(performance.now());
        version(res);
      },
      { upstreamRps: 10, upstreamConcurrency: 50 },
    );
    await Promise.all(
      Array.from({ length: 21 }, () => call(proxy.apiUrl, "/sd.version", { authorization: auth })),
    );
    expect(arrivals).toHaveLength(21);
    // The 11th call cannot start before the 1st has left the window, the 21st before the 11th.
    // Up to 100 ms are allowed for the loopback hop, which may bunch arrivals together.
    for (let i = 10; i < arrivals.length; i++) {
      expect(arrivals[i]! - arrivals[i - 10]!).toBeGreaterThan(900);
    }
  });

  it("passes a 429 on with its Retry-After", async () => {
    const { proxy } = await both((_req, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "17" });
      res.end('{"error":"Too many requests","status":429}');
    }, {});
    const answer = await call(proxy.apiUrl, "/sd.version", { authorization: auth });
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("17");
    expect(JSON.parse(answer.text)).toEqual({ error: "Too many requests", status: 429 });
  });

  it("answers 504 naming the upstream when it stays silent past --upstream-timeout", async () => {
    const { upstream, proxy } = await both(
      () => {
        // Never answers.
      },
      { upstreamTimeoutMs: 300 },
    );
    const answer = await call(proxy.apiUrl, "/sd.version", { authorization: auth });
    expect(answer.status).toBe(504);
    expect(answer.text).toContain(new URL(upstream.api).origin);
    expect(answer.text).toContain("--upstream-timeout");
  });

  it("answers 502 naming the upstream when nothing listens there", async () => {
    const upstream = await startUpstream((_req, res) => version(res));
    await upstream.close();
    const proxy = await startMock({ upstream: upstream.api });
    open.push(proxy);
    const answer = await call(proxy.apiUrl, "/sd.version", { authorization: auth });
    expect(answer.status).toBe(502);
    expect(answer.text).toContain(new URL(upstream.api).origin);
  });
});
