// The sandbox answers as production does where teams calling live instances wrote it down
// (docs/wire.md, "Production notes"): one scenario per fact, over real HTTP through the client,
// every answer checked against the description.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/spec/description.js";
import { startMock, type RunningMock } from "../../src/index.js";
import { checkedClients } from "../support/checked-client.js";

const { clientFor, takeOffDescription } = checkedClients();
afterEach(() => {
  expect(takeOffDescription(), "answers that differ from the description").toEqual([]);
});

/** More open requests in status 2 than production sends in one page of the status list. */
const BUSY_QUEUE = 520;
const FIRST_BUSY_ID = 20001;

/** The built-in seed, plus a busy queue of open requests. */
function busySeed(): JsonObject {
  const request = Array.from({ length: BUSY_QUEUE }, (_, i) => ({
    id: FIRST_BUSY_ID + i,
    title: `Queued request ${i + 1}`,
    type_id: 2,
    priority_id: 2,
    status_id: 2,
    category_id: 37,
    user_id: 1190,
    creator_id: 1190,
    assigned_group_id: 12,
    created_at: 1793610840,
    last_update: 1793610840,
  }));
  // A task with no description: production still sends the key, as null.
  const request_task = [
    {
      id: 6190,
      request_id: FIRST_BUSY_ID,
      name: "Check the queue",
      agent_id: 1042,
      status: 0,
      created_at: 1793610840,
    },
  ];
  return { extends: "builtin", records: { request, request_task } };
}

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true, seed: busySeed() });
});
afterAll(async () => {
  await mock?.close();
});

describe("the request lists as production answers them", () => {
  it("sends at most 500 ids in one answer of incidents.by.status, and total says how many exist", async () => {
    const sd = clientFor("truth-status-cap", mock.apiUrl);
    const first = await sd.GET("/incidents.by.status", { params: { query: { status_id: 2 } } });
    const page = first.data as { requestIds: number[]; limit: unknown; total: number };
    expect(page.requestIds).toHaveLength(500);
    expect(page.limit).toBeNull();
    expect(page.total).toBeGreaterThan(BUSY_QUEUE);

    // A larger limit is cut down to the cap too; the rest comes by offset.
    const asked = await sd.GET("/incidents.by.status", {
      params: { query: { status_id: 2, limit: 1000 } },
    });
    expect((asked.data as { requestIds: number[] }).requestIds).toHaveLength(500);
    const rest = await sd.GET("/incidents.by.status", {
      params: { query: { status_id: 2, offset: 500 } },
    });
    const all = [...page.requestIds, ...(rest.data as { requestIds: number[] }).requestIds];
    expect(all).toHaveLength(page.total);
    expect(new Set(all).size).toBe(page.total);
    expect(all).toContain(FIRST_BUSY_ID + BUSY_QUEUE - 1);
  });

  it("answers incidents.last.hour as {data, next_page_key}, paged or not", async () => {
    const sd = clientFor("truth-last-hour", mock.apiUrl);
    const created: number[] = [];
    for (const title of ["Printer jams on floor 2", "Badge reader offline"]) {
      const { data } = await sd.POST("/incident", {
        body: {
          title,
          type_id: 1,
          priority_id: 2,
          category_id: 37,
          customer_id: 1190,
          creator_id: 1190,
        },
      });
      created.push(Number((data as { request_id: string }).request_id));
    }
    const whole = await sd.GET("/incidents.last.hour");
    expect(Object.keys(whole.data as object).sort()).toEqual(["data", "next_page_key"]);
    expect(whole.data).toMatchObject({ next_page_key: null });
    const hour = (whole.data as { data: { id: number }[] }).data.map((r) => r.id);
    expect(hour).toEqual(expect.arrayContaining(created));

    const first = await sd.GET("/incidents.last.hour", { params: { query: { limit: 1 } } });
    const firstPage = first.data as { data: { id: number }[]; next_page_key: string | null };
    expect(firstPage.data).toHaveLength(1);
    expect(firstPage.next_page_key).toEqual(expect.any(String));
    const second = await sd.GET("/incidents.last.hour", {
      params: { query: { limit: 1, page_key: firstPage.next_page_key ?? "" } },
    });
    expect((second.data as { data: { id: number }[] }).data[0]?.id).toBe(hour[1]);
  });

  it("sends no total on incidents.by.view; the view's ids come by offset pages", async () => {
    const sd = clientFor("truth-view", mock.apiUrl);
    const first = await sd.GET("/incidents.by.view", {
      params: { query: { view_id: 9, limit: 100 } },
    });
    expect(first.data).toMatchObject({ status: "OK", limit: 100, offset: 0 });
    expect(first.data).not.toHaveProperty("total");
    // The busy queue is in category 37 and status 2: the view selects it, past one page.
    expect((first.data as { requestIds: number[] }).requestIds).toHaveLength(100);
  });
});

describe("users.groups as production answers it", () => {
  it("keys groups, help desks and locations by id; companies and observed lists stay arrays", async () => {
    const sd = clientFor("truth-memberships", mock.apiUrl);
    const answer = (await sd.GET("/users.groups", { params: { query: { ids: [1042] } } }))
      .data as Array<Record<string, unknown>>;
    const tomas = answer[0] ?? {};
    expect(tomas["locations"]).toEqual({ "3": { id: 3, name: "Rotterdam Office" } });
    expect(Array.isArray(tomas["companies"])).toBe(true);
    for (const key of ["groups_observed", "helpdesks_observed", "companies_observed"])
      expect(Array.isArray(tomas[key]), key).toBe(true);
    // Help desk 12's own keys that invgo decodes travel with its entry.
    expect((tomas["helpdesks"] as Record<string, object>)["12"]).toMatchObject({
      id: 12,
      name: "IT Support",
      parent_id: 0,
      status_id: 1,
      engine_id: 1,
    });
  });
});

describe("time tracking as production answers it", () => {
  it("keeps logged time: DELETE /timetracking of an existing entry is refused, total is an integer", async () => {
    const sd = clientFor("truth-time", mock.apiUrl);
    const logged = await sd.POST("/timetracking", {
      body: { request_id: 4211, user_id: 1042, from: 1793721900, to: 1793723700 },
    });
    const id = (logged.data as { timetracking_id: number }).timetracking_id;
    const refused = await sd.DELETE("/timetracking", {
      params: { query: { request_id: 4211, timetracking_id: id, user_id: 1042 } },
    });
    expect(refused.response.status).toBe(200);
    expect(refused.data).toMatchObject({ status: "ERROR" });
    const entries = (await sd.GET("/timetracking", { params: { query: { request_id: 4211 } } }))
      .data as Array<{ timetracking_id: number; total: unknown; status: number }>;
    const entry = entries.find((e) => e.timetracking_id === id);
    expect(entry).toMatchObject({ total: 1800, status: 1 });
    for (const each of entries) expect(Number.isInteger(each.total)).toBe(true);
  });
});

describe("requests as production writes them", () => {
  it("gives a new request the pretty_id # followed by its id", async () => {
    const sd = clientFor("truth-pretty-id", mock.apiUrl);
    const created = await sd.POST("/incident", {
      body: {
        title: "Scanner offline",
        type_id: 1,
        priority_id: 2,
        category_id: 37,
        customer_id: 1190,
        creator_id: 1190,
      },
    });
    const id = Number((created.data as { request_id: string }).request_id);
    const read = await sd.GET("/incident", { params: { query: { id } } });
    expect(read.data).toMatchObject({ id, pretty_id: `#${id}` });
    const seeded = await sd.GET("/incident", { params: { query: { id: 4211 } } });
    expect(seeded.data).toMatchObject({ pretty_id: "#4211" });
  });

  it("sends both customer sentiment keys on every request, neutral where none is recorded", async () => {
    const sd = clientFor("truth-sentiment", mock.apiUrl);
    const many = await sd.GET("/incidents", { params: { query: { ids: [4211, 4212, 20001] } } });
    const requests = Object.values(many.data as Record<string, Record<string, unknown>>);
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request).toHaveProperty("request_customer_sentiment_initial");
      expect(request).toHaveProperty("request_customer_sentiment_current");
    }
    // 20001 is a seeded request with no sentiment recorded.
    expect((many.data as Record<string, object>)["20001"]).toMatchObject({
      request_customer_sentiment_initial: "neutral",
      request_customer_sentiment_current: "neutral",
    });
    const byCustomer = await sd.GET("/incidents.by.customer", {
      params: { query: { id: 1190, limit: 3 } },
    });
    for (const request of Object.values((byCustomer.data as { requests: object }).requests))
      expect(request).toHaveProperty("request_customer_sentiment_current");
  });
});

describe("tasks and levels as production lists them", () => {
  it("gives every task of incident.tasks a description, null when it has none", async () => {
    const sd = clientFor("truth-tasks", mock.apiUrl);
    const seeded = await sd.GET("/incident.tasks", { params: { query: { request_id: 4212 } } });
    expect((seeded.data as Array<{ description: unknown }>).map((t) => t.description)).toEqual([
      expect.stringContaining("VPN gateway"),
      expect.stringContaining("set-up guide"),
    ]);
    const bare = await sd.GET("/incident.tasks", {
      params: { query: { request_id: FIRST_BUSY_ID } },
    });
    expect(bare.data).toMatchObject([{ task_id: 6190, description: null }]);
  });

  it("names each level's help desk in parent_id on GET /levels", async () => {
    const sd = clientFor("truth-levels", mock.apiUrl);
    const levels = (await sd.GET("/levels", {})).data as Array<Record<string, unknown>>;
    expect(levels.length).toBeGreaterThan(0);
    for (const level of levels) expect(level["parent_id"]).toBe(12);
  });
});

describe("catalogues as production numbers them", () => {
  it("lists the fourteen request sources of a production instance, 8 being the API", async () => {
    const sd = clientFor("truth-sources", mock.apiUrl);
    const sources = (await sd.GET("/incident.attributes.source")).data as Array<{
      id: number;
      name: string;
    }>;
    expect(sources.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(sources.find((s) => s.id === 1)?.name).toBe("Email");
    expect(sources.find((s) => s.id === 8)?.name).toBe("API");
  });
});

describe("writes as production takes them", () => {
  it("creates a request from a JSON body on POST /incident", async () => {
    const auth = `Basic ${Buffer.from("truth-json:secret").toString("base64")}`;
    const response = await fetch(`${mock.apiUrl}/incident`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({
        title: "Headset crackles",
        type_id: 1,
        priority_id: 2,
        category_id: 37,
        customer_id: 1190,
        creator_id: 1190,
      }),
    });
    expect(response.status).toBe(200);
    const created = (await response.json()) as { status: string; request_id: string };
    expect(created).toMatchObject({ status: "OK", request_id: expect.stringMatching(/^\d+$/) });
    const sd = clientFor("truth-json", mock.apiUrl);
    const read = await sd.GET("/incident", {
      params: { query: { id: Number(created.request_id) } },
    });
    expect(read.data).toMatchObject({ title: "Headset crackles", user_id: 1190 });
  });
});

describe("the knowledge base as production answers it", () => {
  it("pages kb.articles by page and page_size, 20 a page by default", async () => {
    const sd = clientFor("truth-kb-pages", mock.apiUrl);
    for (let i = 1; i <= 22; i++) {
      await sd.POST("/kb.articles", {
        body: { title: `Note ${i}`, content: `<p>Note ${i}</p>`, category_id: 14, author_id: 1042 },
      });
    }
    const all = (await sd.GET("/kb.articles", { params: { query: { page_size: 100 } } })).data as {
      data: Array<{ id: number }>;
    };
    expect(all.data.length).toBeGreaterThan(20);
    const first = await sd.GET("/kb.articles", {});
    expect(Object.keys(first.data as object).sort()).toEqual(["data", "status"]);
    const firstIds = (first.data as { data: Array<{ id: number }> }).data.map((a) => a.id);
    expect(firstIds).toEqual(all.data.slice(0, 20).map((a) => a.id));
    const second = await sd.GET("/kb.articles", { params: { query: { page: 2, page_size: 5 } } });
    expect((second.data as { data: Array<{ id: number }> }).data.map((a) => a.id)).toEqual(
      all.data.slice(5, 10).map((a) => a.id),
    );
  });

  it("publishes an article whose is_private arrives empty", async () => {
    const auth = `Basic ${Buffer.from("truth-kb-public:secret").toString("base64")}`;
    const form = new URLSearchParams({
      title: "Bulk imported guide",
      content: "<p>Imported</p>",
      category_id: "14",
      author_id: "1042",
      is_private: "",
    });
    const response = await fetch(`${mock.apiUrl}/kb.articles`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(response.status).toBe(200);
    const created = (await response.json()) as { status: string; article_id: string };
    expect(created.status).toBe("OK");
    const sd = clientFor("truth-kb-public", mock.apiUrl);
    const read = await sd.GET("/kb.articles.by.ids", {
      params: { query: { ids: [Number(created.article_id)] } },
    });
    expect((read.data as { data: Array<{ is_private: unknown }> }).data[0]?.is_private).toBe(false);
  });
});

describe("comments inside a request", () => {
  it("carry no is_solution key; GET /incident.comment does", async () => {
    const sd = clientFor("truth-embedded-comments", mock.apiUrl);
    const bulk = await sd.GET("/incidents", { params: { query: { ids: [4211], comments: true } } });
    const comments = (bulk.data as Record<string, { comments: object[] }>)["4211"]?.comments ?? [];
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) expect(comment).not.toHaveProperty("is_solution");
    const dedicated = await sd.GET("/incident.comment", {
      params: { query: { request_id: 4211 } },
    });
    for (const comment of dedicated.data as object[]) expect(comment).toHaveProperty("is_solution");
  });
});
