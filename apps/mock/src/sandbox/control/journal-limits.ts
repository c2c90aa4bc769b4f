// Bounds of the journal, which lives in memory: without them 30 rejected posts of 8 MB added
// 280 MB, and with a small heap the process died and took every in-memory tenant with it. A
// value is cut at 1 kB (marked, so a test sees it was), each tenant keeps entries up to a byte
// budget, and the whole process too: over it, the oldest entries of the largest journal go.
import type { Json, JsonObject } from "../../spec/description.js";

export const JOURNAL_VALUE_LIMIT = 1024;
export const JOURNAL_TENANT_BYTES = 4 * 1024 * 1024;
export const JOURNAL_PROCESS_BYTES = 64 * 1024 * 1024;

/** A text value over the limit: its start, then a mark saying how long it was. */
export function cutValue(value: string): string {
  if (value.length <= JOURNAL_VALUE_LIMIT) return value;
  return `${value.slice(0, JOURNAL_VALUE_LIMIT)}…[cut: ${value.length} characters in all]`;
}

/** `params` with every text value (any depth) cut at the limit. */
export function cutParams(params: JsonObject): JsonObject {
  const cut = (value: Json): Json => {
    if (typeof value === "string") return cutValue(value);
    if (Array.isArray(value)) return value.map(cut);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, cut(inner)]));
    }
    return value;
  };
  return cut(params) as JsonObject;
}

/** What an entry costs, roughly: the length of its JSON (two bytes a character in memory). */
export function entryBytes(entry: unknown): number {
  return JSON.stringify(entry).length * 2;
}
