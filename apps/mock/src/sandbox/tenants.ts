// The tenants: one SQLite database per credential, created from the seed on first use. On
// disk a tenant is `<data dir>/<digest of its key>.sqlite` (the key itself may name a user,
// and never reaches a file name or a log); with `memory` it lives in memory for the server's
// life. Databases idle for a while are closed, so many tenants do not hold memory for good.
import { createHash } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Seed } from "./seed.js";
import { ProblemError } from "../spec/problem.js";
import { sqlite } from "./sqlite.js";
import { TenantStore } from "./store.js";

export interface TenantPoolOptions {
  dataDir: string;
  memory: boolean;
  seed: Seed;
  /** A tenant unused for this long is closed (persistent mode only). */
  idleMs?: number;
  /** At most this many tenants stay open; the least recently used is closed first. */
  maxOpen?: number;
  /** At most this many tenants exist (in memory, or as files); a new one beyond is refused. */
  maxTenants?: number;
}

interface OpenTenant {
  store: TenantStore;
  lastUsed: number;
}

const SEEDED_KEY = "seeded_at";

/** The file name of a tenant: a digest, so no user name or token lands on disk. */
export function tenantFileName(key: string): string {
  return `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.sqlite`;
}

export function writeSeed(store: TenantStore, seed: Seed): void {
  store.transaction(() => {
    for (const [kind, records] of seed.records) {
      for (const record of records) store.put(kind, record);
    }
    for (const [kind, pairs] of seed.relations) {
      for (const [a, b] of pairs) store.relate(kind, a, b);
    }
    store.setSetting(SEEDED_KEY, String(Date.now()));
  });
}

export class TenantPool {
  private readonly open = new Map<string, OpenTenant>();
  private readonly sweeper: NodeJS.Timeout | undefined;
  private readonly idleMs: number;
  private readonly maxOpen: number;
  /** Tenants that exist: open in memory, or files in the data folder. */
  private known = 0;

  constructor(private readonly options: TenantPoolOptions) {
    this.idleMs = options.idleMs ?? 60_000;
    this.maxOpen = options.maxOpen ?? 64;
    if (!options.memory && options.dataDir.trim() === "") {
      throw new Error("The sandbox's data folder is empty; name one, such as .sandbox.");
    }
    if (!options.memory) {
      // Only the user who runs the mock may read its tenants: the folder is created 0700 (an
      // existing one is left as its owner set it).
      const created = mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      if (created !== undefined) chmodSync(options.dataDir, 0o700);
      this.known = readdirSync(options.dataDir).filter((file) => file.endsWith(".sqlite")).length;
      this.sweeper = setInterval(() => this.closeIdle(), Math.min(this.idleMs, 15_000));
      this.sweeper.unref();
    }
  }

  /** How many tenants hold an open database now. */
  get openCount(): number {
    return this.open.size;
  }

  store(key: string): TenantStore {
    const found = this.open.get(key);
    if (found) {
      found.lastUsed = Date.now();
      return found.store;
    }
    const store = this.openStore(key);
    this.open.set(key, { store, lastUsed: Date.now() });
    if (!this.options.memory && this.open.size > this.maxOpen) this.closeLeastRecent();
    return store;
  }

  private openStore(key: string): TenantStore {
    const path = this.options.memory ? ":memory:" : join(this.options.dataDir, tenantFileName(key));
    const fresh = this.options.memory || !existsSync(path);
    if (fresh) this.admitNew();
    // SQLite gives its -wal and -shm files the mode of the database file: create that 0600.
    if (fresh && !this.options.memory) closeSync(openSync(path, "a", 0o600));
    const db = new (sqlite().DatabaseSync)(path);
    // WAL: a commit is in the log before the answer goes out, so a killed process loses no
    // acknowledged write; synchronous=NORMAL skips the fsync per commit, which only an
    // operating-system crash (not a process crash) could punish
    // (docs/adr/0021-sandbox-on-node-sqlite.md).
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
    const store = new TenantStore(db);
    if (fresh || store.setting(SEEDED_KEY) === undefined) writeSeed(store, this.options.seed);
    return store;
  }

  /** Counts a new tenant in, or refuses it (503) at the limit: no tenant's data is evicted. */
  private admitNew(): void {
    const max = this.options.maxTenants ?? Infinity;
    if (this.known >= max) {
      throw new ProblemError({
        status: 503,
        title: "Too many tenants",
        detail: `This sandbox holds ${this.known} tenants, its limit (--max-tenants, MOCK_MAX_TENANTS); existing tenants are served, a new one is not. Restart with a higher limit, or prune idle tenants (sd-toolkit-mock prune).`,
      });
    }
    this.known++;
  }

  private closeLeastRecent(): void {
    let oldest: [string, OpenTenant] | undefined;
    for (const entry of this.open)
      if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    if (oldest) this.closeOne(oldest[0]);
  }

  private closeOne(key: string): void {
    const tenant = this.open.get(key);
    this.open.delete(key);
    tenant?.store.close();
  }

  /** Closes the tenants idle for longer than the limit (memory tenants are never closed). */
  closeIdle(now = Date.now()): void {
    if (this.options.memory) return;
    for (const [key, tenant] of this.open)
      if (now - tenant.lastUsed > this.idleMs) this.closeOne(key);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const key of [...this.open.keys()]) this.closeOne(key);
  }
}
