import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { pages } from "../src/generated/manifest.js";
import { walkPages } from "../src/paginate.js";
import { ServiceDeskRefusedError } from "../src/errors.js";
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
    const items = await collect(walkPages(["c", "data"], { username: "berg" }, fetchPage));
    expect(items).toEqual([user(1), user(2), user(3), user(4)]);
    expect(fetchPage.mock.calls.map(([query]) => query)).toEqual([
      { username: "berg" },
      { username: "berg", page_key: "p2" },
      { username: "berg", page_key: "p3" },
    ]);
  });

  it("stops on an empty page (the server's [] for an empty map) and on a repeated cursor", async () => {
    const empty = vi.fn(async () => ({ data: [], next_page_key: "again" }));
    expect(await collect(walkPages(["c", "data"], {}, empty))).toEqual([]);
    expect(empty).toHaveBeenCalledTimes(1);

    const stuck = vi.fn(async () => ({ data: [user(1)], next_page_key: "same" }));
    expect(await collect(walkPages(["c", "data"], { page_key: "same" }, stuck))).toEqual([user(1)]);
    expect(stuck).toHaveBeenCalledTimes(1);
  });

  it("stops when the server hands back any earlier cursor, not only the last one", async () => {
    // A, B, A, B, ...: each cursor differs from the one just sent, yet the walk would never end.
    const cycling = vi.fn(async (query: Record<string, unknown>) => ({
      data: [user(1)],
      next_page_key: query.page_key === "A" ? "B" : "A",
    }));
    // (maxItems only keeps a regression from hanging the test run.)
    expect(await collect(walkPages(["c", "data"], {}, cycling, 10))).toHaveLength(3);
    expect(cycling.mock.calls.map(([query]) => query.page_key)).toEqual([undefined, "A", "B"]);
  });

  it("ends on a [] cursor, which some endpoints send instead of null on the last page", async () => {
    const fetchPage = vi.fn(async (query: Record<string, unknown>) =>
      query.page_key
        ? { data: { "3": user(3) }, next_page_key: [] }
        : { data: { "1": user(1), "2": user(2) }, next_page_key: "p2" },
    );
    const items = await collect(walkPages(["c", "data"], {}, fetchPage));
    expect(items).toEqual([user(1), user(2), user(3)]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("pages by number until a page is shorter than the page size, sending the default size", async () => {
    const names = Array.from({ length: 45 }, (_, i) => ({ id: i + 1 }));
    const fetchPage = vi.fn(async (query: Record<string, unknown>) => {
      const size = Number(query.page_size);
      const start = (Number(query.page ?? 1) - 1) * size;
      return names.slice(start, start + size);
    });
    expect(await collect(walkPages(["p", "", 20], { search: "a" }, fetchPage))).toEqual(names);
    expect(fetchPage.mock.calls.map(([query]) => query)).toEqual([
      { search: "a", page_size: 20 },
      { search: "a", page_size: 20, page: 2 },
      { search: "a", page_size: 20, page: 3 },
    ]);
  });

  it("by number, keeps the caller's page size and start page, and stops on an exactly full last page", async () => {
    const names = Array.from({ length: 10 }, (_, i) => ({ id: i + 1 }));
    const fetchPage = vi.fn(async (query: Record<string, unknown>) => {
      const start = (Number(query.page) - 1) * 5;
      return names.slice(start, start + 5);
    });
    const items = await collect(walkPages(["p", "", 20], { page: 2, page_size: 5 }, fetchPage));
    expect(items).toEqual(names.slice(5));
    // Page 3 is empty: a full last page costs one more call, never an item lost.
    expect(fetchPage.mock.calls.map(([query]) => query.page)).toEqual([2, 3]);
  });

  it("by number, reads a server that ignores the paging parameters once", async () => {
    // An older server answers every category whatever page is asked: more than a page holds...
    const all = Array.from({ length: 57 }, (_, i) => ({ id: i + 1 }));
    const everything = vi.fn(async () => all);
    expect(await collect(walkPages(["p", "", 20], {}, everything))).toEqual(all);
    expect(everything).toHaveBeenCalledTimes(1);
    // ...or exactly a page's worth: the second page repeats the first and ends the walk.
    const twenty = all.slice(0, 20);
    const same = vi.fn(async () => twenty);
    expect(await collect(walkPages(["p", "", 20], {}, same))).toEqual(twenty);
    expect(same).toHaveBeenCalledTimes(2);
  });

  it("stops at once on total 0 and on an empty id-keyed map", async () => {
    const none = vi.fn(async () => ({ requestIds: [], limit: 10, offset: 0, total: 0 }));
    expect(await collect(walkPages(["o", "requestIds"], { limit: 10 }, none))).toEqual([]);
    expect(none).toHaveBeenCalledTimes(1);
    const emptyMap = vi.fn(async () => ({ data: {}, next_page_key: "next" }));
    expect(await collect(walkPages(["c", "data"], {}, emptyMap))).toEqual([]);
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
      await collect(walkPages(["o", "requestIds"], { status_id: 2, limit: 2 }, fetchPage)),
    ).toEqual(ids);
    expect(fetchPage.mock.calls.map(([query]) => query.offset)).toEqual([undefined, 2, 4]);
  });

  // incidents.by.status answers at most 500 ids per call, whatever `limit` asks (production).
  function cappedServer(ids: number[], answer: (page: object) => object = (page) => page) {
    return vi.fn(async (query: Record<string, unknown>) => {
      const offset = Number(query.offset ?? 0);
      const limit = Math.min(Number(query.limit ?? 500), 500);
      return answer({
        status: "OK",
        requestIds: ids.slice(offset, offset + limit),
        limit,
        offset,
        total: ids.length,
      });
    });
  }
  const many = Array.from({ length: 1234 }, (_, i) => 10_000 + i);

  for (const query of [{ status_id: 2 }, { status_id: 2, limit: 1000 }]) {
    it(`walks past a 500-per-call cap with ${JSON.stringify(query)}`, async () => {
      const server = cappedServer(many);
      expect(await collect(walkPages(["o", "requestIds"], query, server))).toEqual(many);
      expect(server.mock.calls.map(([q]) => q.offset)).toEqual([undefined, 500, 1000]);
    });
  }

  it("reads total and limit sent as numeric strings", async () => {
    const server = cappedServer(many, (page) => ({
      ...page,
      total: String((page as { total: number }).total),
    }));
    expect(await collect(walkPages(["o", "requestIds"], { limit: 1000 }, server))).toHaveLength(
      1234,
    );
    const noTotal = cappedServer(many, ({ total: _, ...page }: { total?: number }) => ({
      ...page,
      limit: String((page as { limit: number }).limit),
    }));
    // Without a total, the answer's limit (500, applied) rules over the query's (1000).
    expect(await collect(walkPages(["o", "requestIds"], { limit: 1000 }, noTotal))).toHaveLength(
      1234,
    );
    expect(noTotal).toHaveBeenCalledTimes(3);
  });

  it("without total, stops on a page shorter than the limit", async () => {
    const articles = [1, 2, 3, 4, 5].map((id) => ({ id }));
    const fetchPage = vi.fn(async (query: Record<string, unknown>) =>
      articles.slice(Number(query.offset ?? 0), Number(query.offset ?? 0) + 2),
    );
    expect(await collect(walkPages(["o", "data"], { limit: 2 }, fetchPage))).toEqual(articles);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it("without total or limit, reads one page only", async () => {
    const fetchPage = vi.fn(async () => ({ data: [{ id: 1 }] }));
    expect(await collect(walkPages(["o", "data"], {}, fetchPage))).toEqual([{ id: 1 }]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it("stops at maxItems without fetching further pages", async () => {
    const fetchPage = vi.fn(async (query: Record<string, unknown>) => ({
      data: [1, 2, 3].map((n) => user(n + Number(query.page_key ?? 0))),
      next_page_key: String(Number(query.page_key ?? 0) + 3),
    }));
    const items = (await collect(walkPages(["c", "data"], {}, fetchPage, 4))) as {
      id: number;
    }[];
    expect(items.map((u) => u.id)).toEqual([1, 2, 3, 4]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(await collect(walkPages(["c", "data"], {}, fetchPage, 0))).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("fetches a page only when the caller asks for more", async () => {
    const fetchPage = vi.fn(async () => ({ data: [user(1)], next_page_key: "next" }));
    const iterator = walkPages(["c", "data"], {}, fetchPage);
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

  it("walks /kb.articles by page number, as production pages it, envelope or bare array", async () => {
    const article = (id: number) => ({ id, title: `Article ${id}` });
    const first = Array.from({ length: 20 }, (_, i) => article(300 + i));
    const { fetch, requests } = scriptedFetch(
      json({ status: "OK", data: first }),
      json([article(320)]),
    );
    const articles = await collect(basicClient(fetch).paginate("/kb.articles", { maxItems: 50 }));
    expect(articles.map((a) => a.id)).toEqual([...first, article(320)].map((a) => a.id));
    expect(requests.map(decodedQuery)).toEqual(["page_size=20", "page_size=20&page=2"]);
  });

  it("walks /categories by page number, 20 per page unless told otherwise", async () => {
    const category = (id: number) => ({
      id: String(id),
      name: `Category ${id}`,
      parent_category_id: 0,
    });
    const first = Array.from({ length: 20 }, (_, i) => category(100 + i));
    const { fetch, requests } = scriptedFetch(json(first), json([category(120), category(121)]));
    const categories = await collect(
      basicClient(fetch).paginate("/categories", { params: { query: { search: "Hard" } } }),
    );
    expect(categories.map((c) => c.name)).toEqual(
      [...first, category(120), category(121)].map((c) => c.name),
    );
    expect(requests.map(decodedQuery)).toEqual([
      "search=Hard&page_size=20",
      "search=Hard&page_size=20&page=2",
    ]);
  });

  it("walks /incidents.by.agent by cursor through the id-keyed requests", async () => {
    const request = (id: number) => ({ id, title: `Request ${id}` });
    const { fetch, requests } = scriptedFetch(
      json({ status: "OK", requests: { "4211": request(4211) }, next_page_key: "c2" }),
      json({ status: "OK", requests: { "4215": request(4215) }, next_page_key: null }),
    );
    const found = await collect(
      basicClient(fetch).paginate("/incidents.by.agent", {
        params: { query: { id: 1042, limit: 1 } },
      }),
    );
    expect(found.map((r) => r.id)).toEqual([4211, 4215]);
    expect(requests.map(decodedQuery)).toEqual(["id=1042&limit=1", "id=1042&limit=1&page_key=c2"]);
  });

  it("walks /incidents.last.hour in production's {data, next_page_key} pages, or a bare array", async () => {
    const request = (id: number) => ({ id, title: `Request ${id}` });
    const paged = scriptedFetch(
      json({ data: [request(4212)], next_page_key: "c2" }),
      json({ data: [], next_page_key: null }),
    );
    const fromPages = await collect(basicClient(paged.fetch).paginate("/incidents.last.hour"));
    expect(fromPages.map((r) => r.id)).toEqual([4212]);
    const bare = scriptedFetch(json([request(4212), request(4213)]));
    const fromArray = await collect(basicClient(bare.fetch).paginate("/incidents.last.hour"));
    expect(fromArray.map((r) => r.id)).toEqual([4212, 4213]);
    expect(bare.fetch).toHaveBeenCalledTimes(1);
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
    const failure = await iterator.next().catch((error: unknown) => error);
    // A read's soft refusal is the same typed refusal as a write's.
    expect(failure).toBeInstanceOf(ServiceDeskRefusedError);
    expect((failure as Error).message).toBe(
      "GET /incidents.by.view failed with status ERROR: View 9 does not exist",
    );
  });
});

describe("README", () => {
  it("names every endpoint paginate walks, in the row of its kind of paging", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const rows = { c: "| cursor", o: "| offset", p: "| page number" };
    for (const [path, [kind]] of Object.entries(pages)) {
      const row = readme.split("\n").find((line) => line.startsWith(rows[kind]));
      expect(row, `${kind} row`).toBeDefined();
      expect(row, path).toContain(`\`${path}\``);
    }
  });

  it("names no endpoint in its paging table that paginate does not walk", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const rows = readme.split("\n").filter((line) => /^\| (cursor|offset|page number) /.test(line));
    const listed = rows.flatMap((row) =>
      [...row.split("|")[2]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]),
    );
    expect(listed.sort()).toEqual(Object.keys(pages).sort());
  });
});
