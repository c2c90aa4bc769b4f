// The journal: the API calls a tenant made, oldest first, for a test to assert on what its
// code sent. Parameters are kept as the front parsed them, with secrets (what the description
// marks `format: password`) replaced by "***". In memory and bounded per tenant.
import type { JournalEntry } from "../../spec/control.js";

export type { JournalEntry };

export const JOURNAL_LIMIT = 1000;

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
