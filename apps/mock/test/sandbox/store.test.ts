// The tenant store and pool: ids, transactions, relations, idle closing, file names.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sandboxNow, setClockOffset } from "../../src/sandbox/clock.js";
import { sqlite } from "../../src/sandbox/sqlite.js";
import { TenantStore } from "../../src/sandbox/store.js";
import { TenantPool, tenantFileName } from "../../src/sandbox/tenants.js";
import type { Seed } from "../../src/sandbox/seed.js";

const memoryStore = () => new TenantStore(new (sqlite().DatabaseSync)(":memory:"));

const seed: Seed = {
  records: new Map([["request", [{ id: 4211, title: "Laptop does not boot after BIOS update" }]]]),
  relations: new Map([["request_link", [[4211, 4198]]]]),
};

describe("the tenant store", () => {
  it("gives new ids after the largest seeded one, and never reuses a deleted id", () => {
    const store = memoryStore();
    store.put("request", { id: 4211, title: "seeded" });
    expect(store.insert("request", { title: "a" }).id).toBe(4212);
    expect(store.insert("request", { title: "b" }).id).toBe(4213);
    expect(store.remove("request", 4213)).toBe(true);
    expect(store.insert("request", { title: "c" }).id).toBe(4214);
    expect(store.insert("request_comment", { message: "first of its kind" }).id).toBe(1);
    expect(store.count("request")).toBe(3);
  });

  it("moves the sandbox clock by the tenant's offset", () => {
    const store = memoryStore();
    const before = sandboxNow(store);
    setClockOffset(store, 3600);
    expect(sandboxNow(store) - before).toBeGreaterThanOrEqual(3600);
    expect(sandboxNow(store) - before).toBeLessThan(3600 + 60);
  });

  it("commits a transaction whole or not at all", () => {
    const store = memoryStore();
    store.put("request", { id: 1, title: "before" });
    expect(() =>
      store.transaction(() => {
        store.update("request", 1, { title: "half-done" });
        throw new Error("a handler failed midway");
      }),
    ).toThrow(/midway/);
    expect(store.get("request", 1)).toEqual({ id: 1, title: "before" });
  });

  it("finds records by a field and reads relations both ways", () => {
    const store = memoryStore();
    store.put("request_comment", { id: 2, incident_id: 4211, customer_visible: true });
    store.put("request_comment", { id: 1, incident_id: 4211, customer_visible: false });
    store.put("request_comment", { id: 3, incident_id: 4212, customer_visible: true });
    expect(store.where("request_comment", "incident_id", 4211).map((c) => c.id)).toEqual([1, 2]);
    expect(store.where("request_comment", "customer_visible", true).map((c) => c.id)).toEqual([
      2, 3,
    ]);
    store.relate("group_member", 5, 1042);
    store.relate("group_member", 5, 1051);
    store.relate("group_member", 5, 1042);
    expect(store.related("group_member", 5)).toEqual([1042, 1051]);
    expect(store.relatedTo("group_member", 1051)).toEqual([5]);
    expect(store.unrelate("group_member", 5, 1042)).toBe(true);
    expect(store.related("group_member", 5)).toEqual([1051]);
  });
});

describe("the tenant pool", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "sd-pool-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("seeds a tenant on first use, keeps it apart, and closes it when idle", () => {
    const pool = new TenantPool({ dataDir, memory: false, seed, idleMs: 1_000 });
    const alice = pool.store("basic:alice");
    expect(alice.get("request", 4211)).toMatchObject({
      title: "Laptop does not boot after BIOS update",
    });
    expect(alice.related("request_link", 4211)).toEqual([4198]);
    alice.update("request", 4211, { title: "changed by alice" });
    expect(pool.store("basic:bob").get("request", 4211)).toMatchObject({
      title: "Laptop does not boot after BIOS update",
    });
    expect(pool.openCount).toBe(2);
    pool.closeIdle(Date.now() + 5_000);
    expect(pool.openCount).toBe(0);
    // Reopened from its file, with alice's change and without seeding again.
    expect(pool.store("basic:alice").get("request", 4211)).toMatchObject({
      title: "changed by alice",
    });
    pool.close();
    expect(
      readdirSync(dataDir)
        .filter((f) => f.endsWith(".sqlite"))
        .sort(),
    ).toEqual([tenantFileName("basic:alice"), tenantFileName("basic:bob")].sort());
    expect(tenantFileName("basic:alice")).toMatch(/^[0-9a-f]{32}\.sqlite$/);
  });

  it("closes the least recently used tenant beyond the limit of open ones", () => {
    const pool = new TenantPool({ dataDir, memory: false, seed, maxOpen: 2 });
    for (const user of ["a", "b", "c", "d"]) pool.store(`basic:${user}`);
    expect(pool.openCount).toBe(2);
    pool.close();
  });
});
