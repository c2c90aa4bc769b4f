// Finding 6 of the security review: tenants in memory were never freed (2,500 tenants: +430 MB),
// files on disk never cleaned, and ten snapshots of a 45 MB tenant added 465 MB. Tenants are
// now capped (a new one gets 503, no data is evicted), snapshots capped by count and bytes, and
// `sd-toolkit-mock prune` deletes tenants idle on disk.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { pruneTenants, runPrune } from "../../src/prune.js";
import { MAX_SNAPSHOTS, snapshotRefusal } from "../../src/sandbox/control/snapshot-limits.js";
import type { SandboxEngine } from "../../src/sandbox/engine.js";
import { startMock as startServer } from "../support/start-mock.js";
import { basic } from "./basic.js";

describe("the tenant limit", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: "sandbox", memory: true, maxTenants: 2 });
  });
  afterAll(async () => {
    await mock?.close();
  });

  const read = (user: string) =>
    fetch(`${mock.apiUrl}/incident?id=1`, { headers: { authorization: basic(user) } });

  it("refuses a new tenant past --max-tenants with 503 and keeps serving the others", async () => {
    expect((await read("one")).status).toBe(200);
    expect((await read("two")).status).toBe(200);
    const third = await read("three");
    expect(third.status).toBe(503);
    expect(((await third.json()) as { detail: string }).detail).toContain("--max-tenants");
    expect((await read("one")).status).toBe(200);
    expect((await read("two")).status).toBe(200);
  });
});

describe("the snapshot limits", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: "sandbox", memory: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it(`keeps at most ${MAX_SNAPSHOTS} snapshots a tenant, refusing more with 409`, async () => {
    const tenant = mock.tenant({ username: "snapshots" });
    for (let i = 0; i < MAX_SNAPSHOTS; i++) await tenant.snapshot(`s${i}`);
    await expect(tenant.snapshot("one-too-many")).rejects.toThrow(/20 snapshots, the most/);
    await tenant.snapshot("s0"); // replacing one is not one more
    expect(await tenant.snapshots()).toHaveLength(MAX_SNAPSHOTS);
  });

  it("refuses a snapshot that would pass the byte budget", async () => {
    const run = await startServer({ mode: "sandbox" });
    try {
      const store = (run.mock.engine as SandboxEngine).tenants.store("basic:bytes");
      // The seed alone holds more than 1 kB of records.
      expect(snapshotRefusal(store, "big", { count: 20, bytes: 1024 })).toMatch(
        /over this sandbox's 1024; drop one first/,
      );
      expect(snapshotRefusal(store, "big", { count: 20, bytes: 1e9 })).toBeUndefined();
    } finally {
      await run.mock.close();
    }
  });
});

describe("prune", () => {
  const dir = mkdtempSync(join(tmpdir(), "sd-prune-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const day = 24 * 60 * 60;
  const tenant = (name: string, ageDays: number) => {
    const file = join(dir, `${name.padEnd(32, "0")}.sqlite`);
    writeFileSync(file, "");
    writeFileSync(`${file}-wal`, "");
    const when = Date.now() / 1000 - ageDays * day;
    utimesSync(file, when, when);
    utimesSync(`${file}-wal`, when, when);
  };

  it("removes tenants idle for longer than --idle-days with their log, and nothing else", () => {
    tenant("aaaa", 40);
    tenant("bbbb", 2);
    writeFileSync(join(dir, "notes.txt"), "not a tenant");
    utimesSync(join(dir, "notes.txt"), 0, 0);
    expect(pruneTenants(dir, 30, { dryRun: true }).removed).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(5);
    expect(runPrune(["--idle-days", "30", "--data-dir", dir])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      [
        `${"bbbb".padEnd(32, "0")}.sqlite`,
        `${"bbbb".padEnd(32, "0")}.sqlite-wal`,
        "notes.txt",
      ].sort(),
    );
  });

  it("refuses a missing day count or an empty folder name", () => {
    expect(runPrune(["--data-dir", dir])).toBe(2);
    expect(runPrune(["--idle-days", "3", "--data-dir", ""])).toBe(2);
  });
});
