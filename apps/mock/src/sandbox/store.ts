// One tenant's state in SQLite, behind a few generic tables so that a domain handler stays a
// handful of lines: records by kind and id with a JSON body, relation pairs (members,
// observers, voters...), one id counter per kind, and small settings (the clock's offset).
// Every call runs in one transaction that commits before the answer is sent.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { Json, JsonObject } from "../spec/description.js";

/** A stored record: its body plus the id it is keyed by. */
export type StoredRecord = JsonObject & { id: number };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (
  kind TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS relations (
  kind TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (kind, a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relations_reverse ON relations (kind, b, a);
CREATE TABLE IF NOT EXISTS counters (kind TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshots (name TEXT PRIMARY KEY, taken_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS snapshot_records (
  name TEXT NOT NULL, kind TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (name, kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshot_relations (
  name TEXT NOT NULL, kind TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL,
  PRIMARY KEY (name, kind, a, b)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshot_counters (
  name TEXT NOT NULL, kind TEXT NOT NULL, next INTEGER NOT NULL, PRIMARY KEY (name, kind)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshot_settings (
  name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (name, key)
) WITHOUT ROWID;
`;

/** The tables that make up a tenant's state; a snapshot copies each into its snapshot_ twin. */
const STATE_TABLES = {
  records: "kind, id, body",
  relations: "kind, a, b",
  counters: "kind, next",
  settings: "key, value",
} as const;

export class TenantStore {
  private readonly statements = new Map<string, StatementSync>();
  private depth = 0;

  constructor(readonly db: DatabaseSync) {
    db.exec(SCHEMA);
  }

  private statement(sql: string): StatementSync {
    let found = this.statements.get(sql);
    if (!found) {
      found = this.db.prepare(sql);
      this.statements.set(sql, found);
    }
    return found;
  }

  /**
   * Runs `work` in one write transaction, committed when it returns; nested calls join the
   * outer one. BEGIN IMMEDIATE takes the write lock up front, so two processes sharing a data
   * folder serialise instead of failing halfway.
   */
  transaction<T>(work: () => T): T {
    if (this.depth > 0) return work();
    this.db.exec("BEGIN IMMEDIATE");
    this.depth++;
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    } finally {
      this.depth--;
    }
  }

  get<T extends StoredRecord = StoredRecord>(kind: string, id: number): T | undefined {
    const row = this.statement("SELECT body FROM records WHERE kind = ? AND id = ?").get(kind, id);
    return row ? (JSON.parse(row["body"] as string) as T) : undefined;
  }

  /** Every record of a kind, by ascending id. */
  all<T extends StoredRecord = StoredRecord>(kind: string): T[] {
    return this.statement("SELECT body FROM records WHERE kind = ? ORDER BY id")
      .all(kind)
      .map((row) => JSON.parse(row["body"] as string) as T);
  }

  /** The records of a kind whose top-level `field` equals `value`, by ascending id. */
  where<T extends StoredRecord = StoredRecord>(kind: string, field: string, value: Json): T[] {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Bad field name ${field}`);
    const wanted = typeof value === "boolean" ? Number(value) : value;
    return this.statement(
      `SELECT body FROM records WHERE kind = ? AND json_extract(body, '$.${field}') = ? ORDER BY id`,
    )
      .all(kind, wanted as string | number | null)
      .map((row) => JSON.parse(row["body"] as string) as T);
  }

  count(kind: string): number {
    const row = this.statement("SELECT count(*) AS n FROM records WHERE kind = ?").get(kind);
    return Number(row?.["n"] ?? 0);
  }

  /** Stores a record under its own id, replacing any with the same kind and id. */
  put<T extends StoredRecord>(kind: string, record: T): T {
    this.statement("INSERT OR REPLACE INTO records (kind, id, body) VALUES (?, ?, ?)").run(
      kind,
      record.id,
      JSON.stringify(record),
    );
    return record;
  }

  /** Creates a record with the kind's next id. */
  insert<T extends JsonObject>(kind: string, body: T): T & { id: number } {
    const record = { id: this.nextId(kind), ...body };
    return this.put(kind, record);
  }

  /** Merges `changes` into a record; undefined when there is none with that id. */
  update<T extends StoredRecord>(kind: string, id: number, changes: JsonObject): T | undefined {
    const current = this.get<T>(kind, id);
    if (!current) return undefined;
    return this.put(kind, { ...current, ...changes, id } as T);
  }

  remove(kind: string, id: number): boolean {
    const result = this.statement("DELETE FROM records WHERE kind = ? AND id = ?").run(kind, id);
    return Number(result.changes) > 0;
  }

  /**
   * Allocates the next id of a kind: one past the largest id the kind ever held (seeded or
   * created), so ids are never reused within a tenant and follow from the seed alone.
   */
  nextId(kind: string): number {
    const row = this.statement(
      "INSERT INTO counters (kind, next) VALUES (?, 1 + coalesce((SELECT max(id) FROM records WHERE kind = ?), 0)) " +
        "ON CONFLICT (kind) DO UPDATE SET next = next + 1 RETURNING next",
    ).get(kind, kind);
    return Number(row?.["next"]);
  }

  relate(kind: string, a: number, b: number): void {
    this.statement("INSERT OR IGNORE INTO relations (kind, a, b) VALUES (?, ?, ?)").run(kind, a, b);
  }

  unrelate(kind: string, a: number, b: number): boolean {
    const result = this.statement("DELETE FROM relations WHERE kind = ? AND a = ? AND b = ?").run(
      kind,
      a,
      b,
    );
    return Number(result.changes) > 0;
  }

  /** The b side of every pair `(a, b)` of a kind, ascending. */
  related(kind: string, a: number): number[] {
    return this.statement("SELECT b FROM relations WHERE kind = ? AND a = ? ORDER BY b")
      .all(kind, a)
      .map((row) => Number(row["b"]));
  }

  /** The a side of every pair `(a, b)` of a kind, ascending: the relation read backwards. */
  relatedTo(kind: string, b: number): number[] {
    return this.statement("SELECT a FROM relations WHERE kind = ? AND b = ? ORDER BY a")
      .all(kind, b)
      .map((row) => Number(row["a"]));
  }

  setting(key: string): string | undefined {
    const row = this.statement("SELECT value FROM settings WHERE key = ?").get(key);
    return row ? String(row["value"]) : undefined;
  }

  setSetting(key: string, value: string): void {
    this.statement("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)").run(key, value);
  }

  deleteSetting(key: string): void {
    this.statement("DELETE FROM settings WHERE key = ?").run(key);
  }

  /** Empties the state (records, relations, id counters, settings); snapshots stay. */
  clearState(): void {
    this.transaction(() => {
      for (const table of Object.keys(STATE_TABLES)) this.db.exec(`DELETE FROM ${table}`);
    });
  }

  /** Copies the whole state under `name`, replacing a snapshot of that name. */
  saveSnapshot(name: string, takenAt: number): void {
    this.transaction(() => {
      this.dropSnapshot(name);
      for (const [table, columns] of Object.entries(STATE_TABLES)) {
        this.statement(
          `INSERT INTO snapshot_${table} (name, ${columns}) SELECT ?, ${columns} FROM ${table}`,
        ).run(name);
      }
      this.statement("INSERT INTO snapshots (name, taken_at) VALUES (?, ?)").run(name, takenAt);
    });
  }

  /** Puts the state back as it was when `name` was saved; false when there is no such snapshot. */
  restoreSnapshot(name: string): boolean {
    return this.transaction(() => {
      if (!this.statement("SELECT 1 AS x FROM snapshots WHERE name = ?").get(name)) return false;
      this.clearState();
      for (const [table, columns] of Object.entries(STATE_TABLES)) {
        this.statement(
          `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM snapshot_${table} WHERE name = ?`,
        ).run(name);
      }
      return true;
    });
  }

  /** The snapshots, oldest first, with the sandbox time they were taken at. */
  snapshots(): { name: string; takenAt: number }[] {
    return this.statement("SELECT name, taken_at FROM snapshots ORDER BY taken_at, name")
      .all()
      .map((row) => ({ name: String(row["name"]), takenAt: Number(row["taken_at"]) }));
  }

  dropSnapshot(name: string): boolean {
    return this.transaction(() => {
      for (const table of Object.keys(STATE_TABLES)) {
        this.statement(`DELETE FROM snapshot_${table} WHERE name = ?`).run(name);
      }
      return Number(this.statement("DELETE FROM snapshots WHERE name = ?").run(name).changes) > 0;
    });
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
