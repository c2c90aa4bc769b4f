import { describe, expect, it, vi } from "vitest";
import { walkPages } from "../src/paginate.js";
import { basicClient, decodedQuery, json, scriptedFetch } from "./helpers.js";

const user = (id: number) => ({ id, name: `User ${id}` });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("walkPages", () => {
  it("follows next_page_key until it is null, over id-keyed maps and arrays", async () => {
    const pages: Record<string, unknown> = {
      first: { data: { "1": user(1), "2": user(2) }, next_page_key: "p2" },
      p2: { data: [user(3)], next_page_key: "p3" },
      p3: { data: { "4": user(4) }, next_page_key: null },
    };
    const fetchPage = vi.fn(
      async (query: Record<string, unknown>) => pages[(query.page_key as string) ?? "first"],
    );
    const items = await collect(walkPages("cursor", "data", { username: "berg" }, fetchPage));
    expect(items).toEqual([user(1), user(2), user(3), user(4)]);
    expect(fetchPage.mock.calls.map(([query]) => query)).toEqual([
      { username: "berg" },
      { username: "berg", page_key: "p2" },
      { username: "berg", page_key: "p3" },
    ]);
  });

  it("stops on an empty page (the server's [] for an empty map) and on a repeated cursor", async () => {
    const empty = vi.fn(async () => ({ data: [], next_page_key: "again" }));
    expect(await collect(walkPages("cursor", "data", {}, empty))).toEqual([]);
    expect(empty).toHaveBeenCalledTimes(1);

    const stuck = vi.fn(async () => ({ data: [user(1)], next_page_key: "same" }));
    expect(await collect(walkPages("cursor", "data", { page_key: "same" }, stuck))).toEqual([
      user(1),
    ]);
    expect(stuck).toHaveBeenCalledTimes(1);
  });

  it("stops when the server hands back any earlier cursor, not only the last one", async () => {
    // A, B, A, B, ...: each cursor differs from the one just sent, yet the walk would never end.
    const cycling = vi.fn(async (query: Record<string, unknown>) => ({
      data: [user(1)],
      next_page_key: query.page_key === "A" ? "B" : "A",
    }));
    // (maxItems only keeps a regression from hanging the test run.)
    expect(await collect(walkPages("cursor", "data", {}, cycling, 10))).toHaveLength(3);
    expect(cycling.mock.calls.map(([query]) => query.page_key)).toEqual([undefined, "A", "B"]);
  });

  it("stops at once on total 0 and on an empty id-keyed map", async () => {
    const none = vi.fn(async () => ({ requestIds: [], limit: 10, offset: 0, total: 0 }));
    expect(await collect(walkPages("offset", "requestIds", { limit: 10 }, none))).toEqual([]);
    expect(none).toHaveBeenCalledTimes(1);
    const emptyMap = vi.fn(async () => ({ data: {}, next_page_key: "next" }));
    expect(await collect(walkPages("cursor", "data", {}, emptyMap))).toEqual([]);
    expect(emptyMap).toHaveBeenCalledTimes(1);
  });

  it("moves the offset by the items received until total is reached", async () => {
    const ids = [11, 12, 13, 14, 15];
    const fetchPage = vi.fn(async (query: Record<string, unknown>) => {
      const offset = Number(query.offset ?? 0);
      return {
        status: "OK",
        requestIds: ids.slice(offset, offset + 2),
        limit: 2,
        offset,
        total: ids.length,
      };
    });
    expect(
      await collect(walkPages("offset", "requestIds", { status_id: 2, limit: 2 }, fetchPage)),
    ).toEqual(ids);
    expect(fetchPage.mock.calls.map(([query]) => query.offset)).toEqual([undefined, 2, 4]);
  });

  it("without total, stops on a page shorter than the limit", async () => {
    const articles = [1, 2, 3, 4, 5].map((id) => ({ id }));
    const fetchPage = vi.fn(async (query: Record<string, unknown>) =>
      articles.slice(Number(query.offset ?? 0), Number(query.offset ?? 0) + 2),
    );
    expect(await collect(walkPages("offset", "data", { limit: 2 }, fetchPage))).toEqual(articles);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it("without total or limit, reads one page only", async () => {
    const fetchPage = vi.fn(async () => ({ data: [{ id: 1 }] }));
    expect(await collect(walkPages("offset", "data", {}, fetchPage))).toEqual([{ id: 1 }]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it("stops at maxItems without fetching further pages", async () => {
    const fetchPage = vi.fn(async (query: Record<string, unknown>) => ({
      data: [1, 2, 3].map((n) => user(n + Number(query.page_key ?? 0))),
      next_page_key: String(Number(query.page_key ?? 0) + 3),
    }));
    const items = (await collect(walkPages("cursor", "data", {}, fetchPage, 4))) as {
      id: number;
    }[];
    expect(items.map((u) => u.id)).toEqual([1, 2, 3, 4]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(await collect(walkPages("cursor", "data", {}, fetchPage, 0))).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("fetches a page only when the caller asks for more", async () => {
    const fetchPage = vi.fn(async () => ({ data: [user(1)], next_page_key: "next" }));
    const iterator = walkPages("cursor", "data", {}, fetchPage);
    expect(fetchPage).not.toHaveBeenCalled();
    await iterator.next();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    await iterator.return();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});

describe("sd.paginate", () => {
  it("walks /users.by by cursor with the wire rules and the call's parameters", async () => {
    const { fetch, requests } = scriptedFetch(
      json({ data: { "1051": user(1051), "1052": user(1052) }, next_page_key: "c2Q6cGFnZToy" }),
      json({ data: { "1053": user(1053) }, next_page_key: null }),
    );
    const sd = basicClient(fetch);
    const users = await collect(
      sd.paginate("/users.by", {
        params: { query: { email: "@northwind.example", exact_match: false } },
      }),
    );
    expect(users.map((u) => u.id)).toEqual([1051, 1052, 1053]);
    expect(requests.map(decodedQuery)).toEqual([
      "email=@northwind.example&exact_match=0",
      "email=@northwind.example&exact_match=0&page_key=c2Q6cGFnZToy",
    ]);
  });

  it("walks /incidents.by.status by offset", async () => {
    const { fetch, requests } = scriptedFetch(
      json({ status: "OK", info: "", requestIds: [4211, 4212], limit: 2, offset: 0, total: 5 }),
      json({ status: "OK", info: "", requestIds: [4213, 4214], limit: 2, offset: 2, total: 5 }),
      json({ status: "OK", info: "", requestIds: [4215], limit: 2, offset: 4, total: 5 }),
    );
    const sd = basicClient(fetch);
    const ids = await collect(
      sd.paginate("/incidents.by.status", { params: { query: { status_ids: [1, 2], limit: 2 } } }),
    );
    expect(ids).toEqual([4211, 4212, 4213, 4214, 4215]);
    expect(requests.map(decodedQuery)).toEqual([
      "status_ids[]=1&status_ids[]=2&limit=2",
      "status_ids[]=1&status_ids[]=2&limit=2&offset=2",
      "status_ids[]=1&status_ids[]=2&limit=2&offset=4",
    ]);
  });

  it("walks /kb.articles whether the answer is an envelope or a bare array", async () => {
    const { fetch } = scriptedFetch(
      json({ status: "OK", data: [{ id: 310 }, { id: 311 }], limit: 2, offset: 0, total: 3 }),
      json([{ id: 312 }]),
    );
    const articles = await collect(
      basicClient(fetch).paginate("/kb.articles", {
        params: { query: { limit: 2 } },
        maxItems: 10,
      }),
    );
    expect(articles.map((a) => a.id)).toEqual([310, 311, 312]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("throws a ServiceDeskError when a page fails, HTTP or application error", async () => {
    const { fetch } = scriptedFetch(
      json({ status: "OK", requestIds: [1], limit: 1, offset: 0, total: 3 }),
      json({ status: "ERROR", info: "View 9 does not exist" }),
    );
    const iterator = basicClient(fetch).paginate("/incidents.by.view", {
      params: { query: { view_id: 9, limit: 1 } },
    });
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    await expect(iterator.next()).rejects.toThrow(
      "GET /incidents.by.view failed with status ERROR: View 9 does not exist",
    );
  });
});
