// Waiting states in sandbox mode: each waitingfor call puts an open request on hold, and the
// event its name points at ends the wait (the customer's answer, an agent's answer, the date,
// the awaited request). Over HTTP through the client, and the clock-driven ends on a store.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { loadRequest, REQUEST_WAIT, startWait } from "../../src/sandbox/records/request-waits.js";
import { REQUEST, type RequestRecord } from "../../src/sandbox/records/requests.js";
import { sqlite } from "../../src/sandbox/sqlite.js";
import { TenantStore } from "../../src/sandbox/store.js";
import { checkedClients, type Client } from "../support/checked-client.js";

const clients = checkedClients(() => false);
afterEach(() => {
  expect(clients.takeOffDescription(), "answers that differ from the description").toEqual([]);
});

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

async function statusOf(sd: Client, id: number): Promise<number> {
  const { data } = await sd.GET("/incident", { params: { query: { id } } });
  return (data as { status_id: number }).status_id;
}

async function say(sd: Client, id: number, author: number, text: string) {
  await sd.POST("/incident.comment", {
    body: { request_id: id, author_id: author, comment: text },
  });
}

describe("waiting states over HTTP", () => {
  it("waits for the customer until the customer answers", async () => {
    const sd = clientFor("wait-customer");
    const { data } = await sd.POST("/incident.waitingfor.customer", { body: { request_id: 4211 } });
    expect(data).toEqual({ status: "OK", info: "Request 4211 is now waiting for the customer." });
    expect(await statusOf(sd, 4211)).toBe(4);
    await say(sd, 4211, 1042, "Any news?"); // the agent: still waiting
    expect(await statusOf(sd, 4211)).toBe(4);
    await say(sd, 4211, 1187, "It boots now."); // the customer (4211's user 1187)
    expect(await statusOf(sd, 4211)).toBe(2);
  });

  it("waits for the agent side (3 Pending) until an agent answers", async () => {
    const sd = clientFor("wait-agent");
    await sd.POST("/incident.waitingfor.agent", { body: { request_id: 4211 } });
    expect(await statusOf(sd, 4211)).toBe(3);
    await say(sd, 4211, 1187, "Hello?");
    expect(await statusOf(sd, 4211)).toBe(3);
    await say(sd, 4211, 1042, "On it.");
    expect(await statusOf(sd, 4211)).toBe(2);
  });

  it("waits for another request until that one is finished", async () => {
    const sd = clientFor("wait-request");
    const { data } = await sd.POST("/incident.waitingfor.incident", {
      body: { request_id: 4211, wait_request_id: 4212 },
    });
    expect(data).toMatchObject({ status: "OK" });
    expect(await statusOf(sd, 4211)).toBe(4);
    await sd.POST("/incident.reject", { body: { request_id: 4212, author_id: 1042 } });
    expect(await statusOf(sd, 4211)).toBe(2);
    const onFinished = await sd.POST("/incident.waitingfor.incident", {
      body: { request_id: 4211, wait_request_id: 4212 },
    });
    expect(onFinished.data).toMatchObject({ status: "ERROR", info: expect.stringMatching(/4212/) });
    const onItself = await sd.POST("/incident.waitingfor.incident", {
      body: { request_id: 4211, wait_request_id: 4211 },
    });
    expect(onItself.data).toMatchObject({ status: "ERROR" });
  });

  it("waits until a date: a date already past ends the wait at the next read", async () => {
    const sd = clientFor("wait-date");
    const later = Math.floor(Date.now() / 1000) + 86_400;
    await sd.POST("/incident.waitingfor.date", { body: { request_id: 4211, timestamp: later } });
    expect(await statusOf(sd, 4211)).toBe(4);
    await sd.POST("/incident.waitingfor.date", {
      body: { request_id: 4211, timestamp: 1794297600 },
    });
    expect(await statusOf(sd, 4211)).toBe(2);
  });

  it("refuses a wait on a request that is not open, or unknown", async () => {
    const sd = clientFor("wait-refusals");
    await sd.POST("/incident.cancel", { body: { request_id: 4212, author_id: 1190 } });
    for (const request_id of [4212, 999999]) {
      const { data } = await sd.POST("/incident.waitingfor.customer", { body: { request_id } });
      expect(data).toMatchObject({
        status: "ERROR",
        info: expect.stringMatching(String(request_id)),
      });
    }
    expect(await statusOf(sd, 4212)).toBe(8);
  });

  it("ends a wait when a solution is proposed", async () => {
    const sd = clientFor("wait-solution");
    await sd.POST("/incident.waitingfor.customer", { body: { request_id: 4211 } });
    await sd.POST("/incident.comment", {
      body: { request_id: 4211, author_id: 1042, comment: "Fixed", is_solution: true },
    });
    expect(await statusOf(sd, 4211)).toBe(5);
    // The customer's reply no longer reopens it: the wait is gone.
    await say(sd, 4211, 1187, "Thanks");
    expect(await statusOf(sd, 4211)).toBe(5);
  });
});

describe("waits the clock ends", () => {
  const store = new TenantStore(new (sqlite().DatabaseSync)(":memory:"));
  const request = (id: number, status_id = 2) =>
    store.put<RequestRecord>(REQUEST, {
      id,
      status_id,
      last_update: 0,
      user_id: 1187,
      type_id: 1,
      created_at: 0,
      custom_fields: [],
    });

  it("keeps a date wait until the sandbox clock reaches the date, then opens the request", () => {
    startWait(store, request(1), "date", 1000, 500);
    expect(loadRequest(store, 1, 999)?.status_id).toBe(4);
    expect(store.get(REQUEST_WAIT, 1)).toBeDefined();
    const after = loadRequest(store, 1, 1000);
    expect(after).toMatchObject({ status_id: 2, last_update: 1000 });
    expect(store.get(REQUEST_WAIT, 1)).toBeUndefined();
  });

  it("keeps a request wait while the awaited request is open, and one on an entity regardless", () => {
    request(3);
    startWait(store, request(2), "request", 3, 500);
    expect(loadRequest(store, 2, 600)?.status_id).toBe(4);
    store.update(REQUEST, 3, { status_id: 6 });
    expect(loadRequest(store, 2, 700)?.status_id).toBe(2);
    startWait(store, request(4), "external_entity", 318, 500);
    expect(loadRequest(store, 4, 10_000_000)?.status_id).toBe(4);
  });
});

function clientFor(username: string) {
  return clients.clientFor(username, mock.apiUrl);
}
