// Real pages over the state, in the two styles the API uses: a cursor (`page_key` in,
// `next_page_key` out, null on the last page) and offsets (`limit`, `offset`, `total`).
import type { Json } from "../spec/description.js";

export interface CursorPage<T> {
  items: T[];
  /** The key of the next page, or null when this page is the last. */
  next_page_key: string | null;
}

/**
 * The page of `items` that `pageKey` points at. Keys are opaque to callers; here a key is the
 * offset of the page's first item, base64url-encoded so nobody mistakes it for an id.
 */
export function cursorPage<T>(
  items: readonly T[],
  pageKey: Json | undefined,
  size: number,
): CursorPage<T> {
  let start = 0;
  if (typeof pageKey === "string" && pageKey !== "") {
    const decoded = Number(Buffer.from(pageKey, "base64url").toString("utf8").replace(/^o:/, ""));
    start = Number.isInteger(decoded) && decoded >= 0 ? decoded : items.length;
  }
  const end = start + size;
  return {
    items: items.slice(start, end),
    next_page_key: end < items.length ? Buffer.from(`o:${end}`).toString("base64url") : null,
  };
}

export interface OffsetPage<T> {
  items: T[];
  limit: number;
  offset: number;
  total: number;
}

/** `limit` items from `offset` on, and how many there are in all. */
export function offsetPage<T>(
  items: readonly T[],
  limit: Json | undefined,
  offset: Json | undefined,
  defaultLimit: number,
): OffsetPage<T> {
  const from = typeof offset === "number" && offset > 0 ? offset : 0;
  const count = typeof limit === "number" && limit > 0 ? limit : defaultLimit;
  return {
    items: items.slice(from, from + count),
    limit: count,
    offset: from,
    total: items.length,
  };
}
