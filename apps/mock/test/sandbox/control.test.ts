// The control API, through startMock()'s methods and over HTTP under /__sandbox/: reset to the
// seed, named snapshots, the clock behind every timestamp, faults and the journal, each acting
// on one tenant only.
import { createServiceDeskClient } from "@sd-toolkit/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxControl, startMock, type RunningMock } from "../../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

const basic = (user: string) => `Basic ${Buffer.from(`${user}:secret`).toString("base64")}`;
const clientFor = (username: string, retry = false as const) =>
  createServiceDeskClient({
    baseUrl: mock.apiUrl,
    auth: { username, password: "secret" },
    retry,
    timeoutMs: 20_000,
  });

async function createRequest(sd: ReturnType<typeof clientFor>, title: string) {
  const { data, response } = await sd.POST("/incident", {
    body: {
      title,
      description: "Created by the control API test",
      type_id: 1,
      priority_id: 2,
      category_id: 37,
      customer_id: 1187,
      creator_id: 1187,
    },
  });
  expect(response.status).toBe(200);
  return Number((data as { request_id: string }).request_id);
}

async function readRequest(sd: ReturnType<typeof clientFor>, id: number) {
  return (await sd.GET("/incident", { params: { query: { id } } })).data as
    false | { title: string; created_at: number; last_update: number };
}

describe("reset and snapshots", () => {
  it("resets a tenant to the seed, ids included, and leaves other tenants alone", async () => {
    const sd = clientFor("reset-user");
    const other = clientFor("reset-bystander");
    const id = await createRequest(sd, "Gone after reset");
    const kept = await createRequest(other, "Stays");
    await mock.tenant({ username: "reset-user" }).reset();
    expect(await readRequest(sd, id)).toBe(false);
    expect(await readRequest(other, kept)).toMatchObject({ title: "Stays" });
    expect(await createRequest(sd, "First again")).toBe(id);
  });

  it("restores a named snapshot, and refuses an unknown or malformed name", async () => {
    const sd = clientFor("snapshot-user");
    const control = mock.tenant({ username: "snapshot-user" });
    const before = await createRequest(sd, "Before the snapshot");
    await control.snapshot("base");
    const after = await createRequest(sd, "After the snapshot");
    await control.restore("base");
    expect(await readRequest(sd, before)).toMatchObject({ title: "Before the snapshot" });
    expect(await readRequest(sd, after)).toBe(false);
    expect((await control.snapshots()).map((s) => s.name)).toEqual(["base"]);
    await expect(control.restore("nope")).rejects.toThrow(/no snapshot named "nope"/);
    await expect(control.snapshot("../x")).rejects.toThrow(/snapshot name/);
  });

  it("acts on the first tenant that called when no credentials are given", async () => {
    const fresh = await startMock({ port: 0, memory: true });
    try {
      await expect(fresh.reset()).rejects.toThrow(/no tenant has called/);
      const sd = createServiceDeskClient({
        baseUrl: fresh.apiUrl,
        auth: { username: "first", password: "x" },
        retry: false,
      });
      await sd.GET("/incident", { params: { query: { id: 4211 } } });
      expect((await fresh.journal()).map((c) => c.endpoint)).toEqual(["/incident"]);
    } finally {
      await fresh.close();
    }
  });
});

describe("clock", () => {
  it("drives the timestamps of what is created, frozen or advanced", async () => {
    const sd = clientFor("clock-user");
    const control = mock.tenant({ username: "clock-user" });
    const at = Date.UTC(2026, 10, 3, 9, 14) / 1000;
    expect(await control.clock.set("2026-11-03T09:14:00Z", { frozen: true })).toEqual({
      now: at,
      frozen: true,
    });
    const id = await createRequest(sd, "Created in November");
    expect(await readRequest(sd, id)).toMatchObject({ created_at: at, last_update: at });
    expect((await control.clock.advance(7200)).now).toBe(at + 7200);
    await sd.PUT("/incident", { body: { id, title: "Changed two hours later" } });
    expect(await readRequest(sd, id)).toMatchObject({ created_at: at, last_update: at + 7200 });
    // Another tenant keeps the machine's time.
    const other = await mock.tenant({ username: "clock-bystander" }).clock.now();
    expect(Math.abs(other.now - Date.now() / 1000)).toBeLessThan(120);
  });

  it("runs on from a time set without freezing", async () => {
    const control = mock.tenant({ username: "clock-running" });
    const set = await control.clock.set(new Date("2030-01-01T00:00:00Z"));
    expect(set.frozen).toBe(false);
    expect(set.now - Date.UTC(2030, 0, 1) / 1000).toBeLessThan(5);
    await expect(control.clock.set("yesterday")).rejects.toThrow(/ISO 8601/);
  });
});

describe("faults", () => {
  it("answers the next N calls of an operation with the chosen status, then normally", async () => {
    const sd = clientFor("fault-user");
    const control = mock.tenant({ username: "fault-user" });
    await control.faults.add({ operation: "GET /incident", status: 429, retryAfter: 7, times: 2 });
    await control.faults.add({ operation: "createIncident", status: 503 });
    expect(await control.faults.list()).toEqual([
      { operation: "getIncident", remaining: 2, status: 429, retryAfter: 7 },
      { operation: "createIncident", remaining: 1, status: 503 },
    ]);
    for (let i = 0; i < 2; i++) {
      const { response, error } = await sd.GET("/incident", { params: { query: { id: 4211 } } });
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(error).toMatchObject({ status: 429 });
    }
    expect((await sd.GET("/incident", { params: { query: { id: 4211 } } })).response.status).toBe(
      200,
    );
    const post = await fetch(`${mock.apiUrl}/incident`, {
      method: "POST",
      headers: { authorization: basic("fault-user") },
    });
    // The fault comes after validation: a call the server would refuse is still refused.
    expect(post.status).toBe(428);
    const answered = await sd.POST("/incident", {
      body: {
        title: "x",
        type_id: 1,
        priority_id: 2,
        category_id: 37,
        customer_id: 1187,
        creator_id: 1187,
      },
    });
    expect(answered.response.status).toBe(503);
    expect(await control.faults.list()).toEqual([]);
    // Another tenant was never affected.
    expect(
      (await clientFor("fault-bystander").GET("/incident", { params: { query: { id: 4211 } } }))
        .response.status,
    ).toBe(200);
  });

  it("lets the client's retry wait out a 429 as Retry-After says", async () => {
    const control = mock.tenant({ username: "fault-retry" });
    await control.faults.add({ operation: "getIncident", status: 429, retryAfter: 1 });
    const sd = createServiceDeskClient({
      baseUrl: mock.apiUrl,
      auth: { username: "fault-retry", password: "secret" },
    });
    const { response } = await sd.GET("/incident", { params: { query: { id: 4211 } } });
    expect(response.status).toBe(200);
    expect((await control.journal()).map((c) => c.status)).toEqual([429, 200]);
  });

  it("delays an answer, or drops the connection", async () => {
    const control = mock.tenant({ username: "fault-slow" });
    await control.faults.add({ operation: "getIncident", delayMs: 300 });
    const started = Date.now();
    const slow = await fetch(`${mock.apiUrl}/incident?id=4211`, {
      headers: { authorization: basic("fault-slow") },
    });
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await control.faults.add({ operation: "getIncident", drop: true });
    await expect(
      fetch(`${mock.apiUrl}/incident?id=4211`, { headers: { authorization: basic("fault-slow") } }),
    ).rejects.toThrow();
    expect((await control.journal()).map((c) => c.status)).toEqual([200, null]);
  });

  it("refuses a fault it cannot apply, naming the problem", async () => {
    const control = mock.tenant({ username: "fault-bad" });
    // A JavaScript caller (or a cast) can still send an operation the description lacks.
    const nowhere = { operation: "GET /nowhere", status: 500 } as const;
    // @ts-expect-error: the type refuses it; the server must too
    await expect(control.faults.add(nowhere)).rejects.toThrow(/operation must be an operationId/);
    await expect(control.faults.add({ operation: "getIncident", status: 200 })).rejects.toThrow(
      /400 to 599/,
    );
    await expect(
      control.faults.add({ operation: "getIncident", status: 500, drop: true }),
    ).rejects.toThrow(/exactly one of/);
  });
});

describe("journal", () => {
  it("lists a tenant's calls with their parameters, secrets shown as ***", async () => {
    const user = "journal-user";
    await fetch(`${mock.apiUrl}/incident?id=4211`, { headers: { authorization: basic(user) } });
    await fetch(`${mock.apiUrl}/user.password?id=1187&password=hunter2-secret`, {
      method: "PUT",
      headers: { authorization: basic(user) },
    });
    const calls = await mock.tenant({ username: user }).journal();
    expect(
      calls.map(({ method, endpoint, operationId }) => ({ method, endpoint, operationId })),
    ).toEqual([
      { method: "GET", endpoint: "/incident", operationId: "getIncident" },
      { method: "PUT", endpoint: "/user.password", operationId: calls[1]!.operationId },
    ]);
    expect(calls[0]).toMatchObject({ params: { id: 4211 }, status: 200 });
    expect(calls[1]!.params).toMatchObject({ id: 1187, password: "***" });
    expect(JSON.stringify(calls)).not.toContain("hunter2");
    expect(typeof calls[0]!.time).toBe("number");
    await mock.tenant({ username: user }).clearJournal();
    expect(await mock.tenant({ username: user }).journal()).toEqual([]);
  });
});

describe("over HTTP", () => {
  it("serves the same control API to a test in another process", async () => {
    const control = sandboxControl(mock.origin, basic("http-user"));
    const sd = clientFor("http-user");
    await control.snapshot("clean");
    const id = await createRequest(sd, "Made over HTTP");
    await control.restore("clean");
    expect(await readRequest(sd, id)).toBe(false);
    expect((await control.journal()).map((c) => c.operationId)).toEqual([
      "createIncident",
      "getIncident",
    ]);
    await control.reset();
    expect(await control.journal()).toEqual([]);
  });

  it("takes the API base (apiUrl, with or without a trailing slash) as well as the origin", async () => {
    const user = "api-url-user";
    await fetch(`${mock.apiUrl}/incident?id=4211`, { headers: { authorization: basic(user) } });
    for (const given of [mock.apiUrl, `${mock.apiUrl}/`, `${mock.origin}/`]) {
      const calls = await sandboxControl(given, basic(user)).journal();
      expect(calls.map((c) => c.operationId)).toEqual(["getIncident"]);
    }
  });

  it("needs credentials, and answers routes it lacks with 404 and wrong methods with 405", async () => {
    expect((await fetch(`${mock.origin}/__sandbox/reset`, { method: "POST" })).status).toBe(401);
    const auth = { authorization: basic("http-user") };
    expect((await fetch(`${mock.origin}/__sandbox/nothing`, { headers: auth })).status).toBe(404);
    const wrong = await fetch(`${mock.origin}/__sandbox/reset`, { headers: auth });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    const bad = await fetch(`${mock.origin}/__sandbox/clock/advance`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ detail: "The body is not valid JSON." });
  });

  it("is absent from the examples mode", async () => {
    const examples = await startMock({ port: 0, mode: "examples" });
    try {
      const answer = await fetch(`${examples.origin}/__sandbox/journal`, {
        headers: { authorization: basic("x") },
      });
      expect(answer.status).toBe(404);
      await expect(examples.tenant({ username: "x" }).reset()).rejects.toThrow(/examples mode/);
    } finally {
      await examples.close();
    }
  });
});
