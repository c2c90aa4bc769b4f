// The journal: the API calls a tenant made, oldest first, for a test to assert on what its
// code sent. Parameters are kept as the front parsed them, with secrets (what the description
// marks `format: password`) replaced by "***". In memory and bounded per tenant.
import type { JournalEntry } from "../../spec/control.js";
import {
  cutParams,
  entryBytes,
  JOURNAL_PROCESS_BYTES,
  JOURNAL_TENANT_BYTES,
} from "./journal-limits.js";

export type { JournalEntry };

export const JOURNAL_LIMIT = 1000;

interface TenantJournal {
  entries: JournalEntry[];
  sizes: number[];
  bytes: number;
}

export class Journal {
  private readonly byTenant = new Map<string, TenantJournal>();
  private bytes = 0;

  constructor(
    private readonly tenantBytes = JOURNAL_TENANT_BYTES,
    private readonly processBytes = JOURNAL_PROCESS_BYTES,
  ) {}

  /** Bytes the journal holds now, all tenants together (an estimate, see journal-limits.ts). */
  get totalBytes(): number {
    return this.bytes;
  }

  record(tenant: string, entry: JournalEntry): void {
    const kept = { ...entry, params: cutParams(entry.params) };
    const size = entryBytes(kept);
    const journal = this.byTenant.get(tenant) ?? { entries: [], sizes: [], bytes: 0 };
    this.byTenant.set(tenant, journal);
    journal.entries.push(kept);
    journal.sizes.push(size);
    journal.bytes += size;
    this.bytes += size;
    while (
      journal.entries.length > 1 &&
      (journal.entries.length > JOURNAL_LIMIT || journal.bytes > this.tenantBytes)
    ) {
      this.dropOldest(journal);
    }
    while (this.bytes > this.processBytes) {
      let largest: TenantJournal | undefined;
      for (const other of this.byTenant.values())
        if (!largest || other.bytes > largest.bytes) largest = other;
      if (!largest || largest.entries.length === 0) break;
      this.dropOldest(largest);
    }
  }

  private dropOldest(journal: TenantJournal): void {
    journal.entries.shift();
    const size = journal.sizes.shift() ?? 0;
    journal.bytes -= size;
    this.bytes -= size;
  }

  entries(tenant: string): JournalEntry[] {
    return [...(this.byTenant.get(tenant)?.entries ?? [])];
  }

  clear(tenant: string): void {
    this.bytes -= this.byTenant.get(tenant)?.bytes ?? 0;
    this.byTenant.delete(tenant);
  }
}
