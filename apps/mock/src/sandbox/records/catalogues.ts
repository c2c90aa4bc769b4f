// The request catalogues (priorities, sources, statuses, types): small id/name lists stored as
// records, so a seed can rename or add entries and every domain reads the same names. The
// statuses are the 1-8 of docs/wire.md#request-statuses.
import type { StoredRecord, TenantStore } from "../store.js";

export const PRIORITY = "request_priority";
export const SOURCE = "request_source";
export const STATUS_NAME = "request_status";
export const TYPE = "request_type";

export interface NamedRecord extends StoredRecord {
  name: string;
}

/** The display name of one catalogue entry, or undefined when the catalogue lacks it. */
export function catalogueName(store: TenantStore, kind: string, id: unknown): string | undefined {
  if (typeof id !== "number") return undefined;
  return store.get<NamedRecord>(kind, id)?.name;
}
