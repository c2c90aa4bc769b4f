// Picks ids (and a few other values) out of answers, whatever their envelope: a list of
// records, one record, a map keyed by id, `{data: ...}`, or a list of ids under a known name.
// `verify` fills the next calls' parameters with them; nothing is kept after the run.
import { isObject, type Json } from "../spec/description.js";

const ID = /^-?\d+$/;

function asId(value: Json | undefined): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && ID.test(value)) return Number(value);
  return undefined;
}

/** The records an answer holds: the items of a list, the values of a map, or the record. */
export function records(body: Json | undefined): Array<{ [key: string]: Json }> {
  if (Array.isArray(body)) return body.filter(isObject);
  if (!isObject(body)) return [];
  for (const envelope of ["data", "requests", "users"]) {
    if (envelope in body && (isObject(body[envelope]) || Array.isArray(body[envelope]))) {
      return records(body[envelope]);
    }
  }
  const values = Object.values(body);
  if (Object.keys(body).every((key) => ID.test(key)) && values.every(isObject)) {
    return values.filter(isObject);
  }
  return [body];
}

/** The distinct values of `field` (`id` by default) across the answer's records, as numbers. */
export function harvestIds(
  body: Json | undefined,
  field = "id",
  where?: { field: string; in: ReadonlyArray<number | string> },
): number[] {
  const ids = new Set<number>();
  if (isObject(body) && !where) {
    for (const list of ["requestIds", "ids"]) {
      const value = body[list];
      if (Array.isArray(value)) value.forEach((v) => asId(v) !== undefined && ids.add(asId(v)!));
    }
  }
  for (const record of records(body)) {
    if (where && !where.in.some((value) => value === record[where.field])) continue;
    const id = asId(record[field]);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/** The distinct string values of `field` across the answer's records. */
export function harvestStrings(body: Json | undefined, field: string): string[] {
  const found = new Set<string>();
  for (const record of records(body)) {
    const value = record[field];
    if (typeof value === "string" && value !== "") found.add(value);
  }
  return [...found];
}
