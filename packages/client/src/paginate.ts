// Walks the paged GET operations page by page and yields their items. Which operations page,
// how (cursor, offset or page number) and where their items sit comes from the generated
// manifest; items may arrive as an array or as an object keyed by id (and an empty map arrives
// as `[]`), so both are accepted.
import type { paths } from "@sd-toolkit/types";
import type { CallArgs, CallInit } from "./call-types.js";
import type { pages } from "./generated/manifest.js";

type Pages = typeof pages;

/** One entry of the manifest's page table: how the operation pages (c cursor, o offset, p page
 * number), where its items are, and (page-number paging) the server's default page size. */
export type PageRule = readonly [kind: "c" | "o" | "p", field: string, size?: number];

/** Endpoints that `paginate()` can walk: GET operations with `page_key`, `offset` or `page` paging. */
export type PagedPath = keyof Pages & keyof paths;

type Answer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer A } } } };
}
  ? A
  : never;

/** Where the items are in one alternative of the answer: a bare array, or the recorded field. */
type ItemsIn<A, Field> = A extends readonly unknown[]
  ? A
  : Field extends keyof A
    ? A[Field]
    : never;

/**
 * Item type of each alternative; an untyped array (the server's `[]` for an empty map) adds
 * nothing, since `unknown` would swallow the real item type of the other alternatives.
 */
type ElementOf<C> = C extends readonly (infer Item)[]
  ? unknown extends Item
    ? never
    : Item
  : C extends Record<string, infer Item>
    ? Item
    : never;

type Element<P extends PagedPath> = ElementOf<NonNullable<ItemsIn<Answer<P>, Pages[P][1]>>>;

/** The type of one item yielded by `paginate(path)`. */
export type PageItem<P extends PagedPath> = [Element<P>] extends [never] ? unknown : Element<P>;

export interface PageOptions {
  /** Stop after this many items, even if more pages exist. */
  maxItems?: number | undefined;
}

/** The options of a paged GET (parameters and call options, checked like a call's) and `maxItems`. */
export type PageInit<P extends PagedPath> = Omit<CallInit<P, "get">, "parseAs"> & PageOptions;

/** Options are optional exactly when the operation has no required parameter. */
export type PageArgs<P extends PagedPath> =
  CallArgs<P, "get"> extends [init: unknown] ? [init: PageInit<P>] : [init?: PageInit<P>];

type Query = Record<string, unknown>;
type Body = Record<string, unknown> | undefined;

function itemsOf(body: unknown, field: string): unknown[] {
  // Some answers are described as "an envelope, or the bare array the manual shows": take both.
  // The values of an array are its items, those of an id-keyed map its entries.
  const collection = Array.isArray(body) || !field ? body : (body as Body)?.[field];
  return collection && typeof collection === "object" ? Object.values(collection) : [];
}

/** A count from an answer or a query, which may arrive as a numeric string. */
function count(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/**
 * Yields the items of every page, fetching the next page only when the caller asks for more.
 * `rule` is the operation's entry of the manifest; `fetchPage` returns the parsed answer for a
 * query (and throws on errors).
 */
export async function* walkPages(
  [kind, field, defaultPageSize]: PageRule,
  query: Query,
  fetchPage: (query: Query) => Promise<unknown>,
  maxItems = Infinity,
): AsyncGenerator<unknown, void, undefined> {
  let yielded = 0;
  // Cursors sent so far and, by page number, the first item of each page: a server that hands
  // back an earlier cursor (A, B, A, ...), or that ignores `page` and repeats the same list,
  // would make the walk loop forever, so seeing one again ends it.
  const seen = new Set([query.page_key, ""]);
  const fresh = (key: unknown) => !seen.has(key) && !!seen.add(key);
  const byNumber = kind === "p";
  // The page size goes out explicitly, so that a short page means the last one whatever the
  // server's default.
  if (byNumber) query = { ...query, page_size: query.page_size ?? defaultPageSize };
  while (yielded < maxItems) {
    const body = (await fetchPage(query)) as Body;
    const items = itemsOf(body, field);
    // The first item stands for its page: a server that ignores `page` repeats the page.
    if (!items.length || (byNumber && !fresh(JSON.stringify(items[0])))) return;
    for (const item of items) {
      yield item;
      if (++yielded >= maxItems) return;
    }
    if (kind === "c") {
      // The last page says `null`, or `[]` (PHP's empty value) on some endpoints: anything
      // that is not a fresh cursor ends the walk.
      const next = body?.next_page_key;
      if (typeof next !== "string" || !fresh(next)) return;
      query = { ...query, page_key: next };
    } else if (byNumber) {
      // No total and no cursor: a short page is the last one; a longer one means the server
      // ignored the paging parameters and sent everything.
      if (items.length !== query.page_size) return;
      query = { ...query, page: Number(query.page ?? 1) + 1 };
    } else {
      // The server may serve fewer items than asked: incidents.by.status caps each call at 500
      // whatever `limit` says. So the offset moves by what arrived, `total` decides while there
      // is one, and otherwise a full page by the limit the answer reports (the one the server
      // applied) asks for the next.
      const offset = Number(query.offset ?? 0) + items.length;
      const total = count(body?.total);
      const limit = count(body?.limit) ?? count(query.limit);
      const more =
        total !== undefined ? offset < total : limit !== undefined && items.length >= limit;
      if (!more) return;
      query = { ...query, offset };
    }
  }
}
