// The answer shapes the real server uses, so handlers state intent instead of building bodies:
// the write envelope, business-rule refusals (HTTP 200 with status ERROR), HTTP errors with the
// `{error, status}` body, and PHP's way of writing an empty map.
import type { Json, JsonObject } from "../spec/description.js";
import type { SandboxAnswer } from "./handler.js";
import type { StoredRecord, TenantStore } from "./store.js";

/** A plain 200 answer. */
export function ok(body: Json): SandboxAnswer {
  return { status: 200, body };
}

/** The write envelope of a write that worked: `{status: "OK", info, ...extra}`. */
export function written(info: string, extra: JsonObject = {}): SandboxAnswer {
  return { status: 200, body: { status: "OK", info, ...extra } };
}

/**
 * A business rule said no: the real server answers HTTP 200 with `status: "ERROR"` and an
 * `info` saying why (clients must check `status`).
 */
export function refused(info: string, extra: JsonObject = {}): SandboxAnswer {
  return { status: 200, body: { status: "ERROR", info, ...extra } };
}

/** An HTTP-level error with the body clients decode: `{error, status}`. */
export function httpError(status: number, error: string): SandboxAnswer {
  return { status, body: { error, status } };
}

/** PHP writes an empty associative array as `[]`: a map with no entries goes out that way. */
export function phpMap<T extends Json>(map: Record<string, T>): Json {
  return Object.keys(map).length === 0 ? [] : map;
}

/** Ids PHP sends as text (new row ids, some map keys). */
export function idText(id: number): string {
  return String(id);
}

/** A record that must exist for the call to go on, or the refusal to answer instead. */
export type RequiredRecord<T> =
  { record: T; refusal?: undefined } | { record?: undefined; refusal: SandboxAnswer };

/**
 * Loads the record of `kind` with `id`, or gives the refusal the domains answer for an unknown
 * id: `There is no <noun> with id <id>.` in the status envelope.
 */
export function requireRecord<T extends StoredRecord = StoredRecord>(
  store: TenantStore,
  kind: string,
  id: number,
  noun: string,
): RequiredRecord<T> {
  const record = store.get<T>(kind, id);
  return record ? { record } : { refusal: refused(`There is no ${noun} with id ${id}.`) };
}
