// The journal: the API calls a tenant made, oldest first, for a test to assert on what its
// code sent. Parameters are kept as the front parsed them, with secrets (what the description
// marks `format: password`) replaced by "***". In memory and bounded per tenant.
import type { Json, JsonObject } from "../../front/description.js";

export interface JournalEntry {
  /** Sandbox time of the call, epoch seconds. */
  time: number;
  method: string;
  /** The endpoint as the description writes it, e.g. `/incident`. */
  endpoint: string;
  operationId: string;
  params: JsonObject;
  /** The status answered; null when a fault dropped the connection. */
  status: number | null;
}

export const JOURNAL_LIMIT = 1000;

/** A copy of `params` with the value of every secret parameter (any depth) replaced. */
export function redactParams(params: JsonObject, secrets: ReadonlySet<string>): JsonObject {
  const redact = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([name, inner]) => [
          name,
          secrets.has(name.toLowerCase()) ? "***" : redact(inner),
        ]),
      );
    }
    return value;
  };
  return redact(params) as JsonObject;
}

export class Journal {
  private readonly byTenant = new Map<string, JournalEntry[]>();

  record(tenant: string, entry: JournalEntry): void {
    const list = this.byTenant.get(tenant) ?? [];
    list.push(entry);
    if (list.length > JOURNAL_LIMIT) list.splice(0, list.length - JOURNAL_LIMIT);
    this.byTenant.set(tenant, list);
  }

  entries(tenant: string): JournalEntry[] {
    return [...(this.byTenant.get(tenant) ?? [])];
  }

  clear(tenant: string): void {
    this.byTenant.delete(tenant);
  }
}
