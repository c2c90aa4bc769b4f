// Dates are stored as epoch seconds and written out as the call asks: epoch seconds by default,
// ISO-8601 text with `date_format=iso8601` (and `iso8601noT`, `YYYY-mm-dd H:i`, which only time
// tracking takes).
import type { Json, JsonObject } from "../spec/description.js";

export type DateFormat = "epoch" | "iso8601" | "iso8601noT";

export interface DateWriter {
  format: DateFormat;
  /** One stored date as the call wants it; null stays null. */
  write(epoch: number | null | undefined): number | string | null;
  /** A copy of `record` with the named date fields written out; other fields untouched. */
  fields<T extends JsonObject>(record: T, names: readonly string[]): T;
}

/** `2026-11-02T09:14:00+00:00`: ISO-8601 with the offset spelled out, in UTC. */
export function isoDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** `2026-11-02 09:14`, time tracking's default. */
export function isoNoTDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().slice(0, 16).replace("T", " ");
}

export function readDateFormat(
  value: Json | undefined,
  fallback: DateFormat = "epoch",
): DateFormat {
  return value === "iso8601" || value === "iso8601noT" || value === "epoch" ? value : fallback;
}

export function dateWriter(format: DateFormat): DateWriter {
  const write = (epoch: number | null | undefined) => {
    if (epoch === null || epoch === undefined) return null;
    if (format === "iso8601") return isoDate(epoch);
    if (format === "iso8601noT") return isoNoTDate(epoch);
    return epoch;
  };
  return {
    format,
    write,
    fields(record, names) {
      if (format === "epoch") return record;
      const copy: JsonObject = { ...record };
      for (const name of names) {
        const value = copy[name];
        if (typeof value === "number") copy[name] = write(value);
      }
      return copy as typeof record;
    },
  };
}
