// Durability of the sandbox on disk: a write is committed before it is answered, so a server
// killed with SIGKILL in the middle of concurrent writes has lost no acknowledged write and
// left an intact database; writers on two processes sharing a data folder get unique ids and
// lose nothing; many tenants do not keep their databases open. Time bounds here only catch
// hangs.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import type { SandboxEngine } from "../../src/sandbox/engine.js";
import { startCliServer, type CliServer } from "../support/cli-process.js";
import { AUTH, BUNDLE_SPEC, startMock } from "../support/start-mock.js";

const folders: string[] = [];
const servers: CliServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop("SIGKILL")));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "sd-durability-"));
  folders.push(folder);
  return folder;
}

async function createRequest(api: string, title: string): Promise<number> {
  const body = new URLSearchParams({
    title,
    type_id: "1",
    priority_id: "2",
    category_id: "37",
    customer_id: "1187",
    creator_id: "1187",
  });
  const response = await fetch(`${api}/incident`, {
    method: "POST",
    headers: { ...AUTH, "content-type": "application/x-www-form-urlencoded" },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`POST /incident answered ${response.status}`);
  return Number(((await response.json()) as { request_id: string }).request_id);
}

/** The requests stored in the only tenant database of a folder, by title, and its integrity. */
function readTenantFile(folder: string) {
  const files = readdirSync(folder).filter((name) => name.endsWith(".sqlite"));
  expect(files).toHaveLength(1);
  const db = new DatabaseSync(join(folder, files[0]!));
  try {
    const integrity = db.prepare("PRAGMA integrity_check").all();
    const rows = db
      .prepare(
        "SELECT id, json_extract(body, '$.title') AS title FROM records WHERE kind = 'request'",
      )
      .all();
    return {
      integrity: integrity.map((row) => String(Object.values(row)[0])),
      rows: rows.map((row) => ({ id: Number(row["id"]), title: String(row["title"]) })),
    };
  } finally {
    db.close();
  }
}

describe("durability on disk", () => {
  it("loses no acknowledged write when the server is killed with SIGKILL mid-writes", async () => {
    const folder = dataFolder();
    const server = await startCliServer(["--data-dir", folder]);
    servers.push(server);
    const acknowledged = new Map<string, number>();
    let stop = false;
    let sent = 0;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const title = `crash-${w}-${n}`;
        sent++;
        try {
          acknowledged.set(title, await createRequest(server.api, title));
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    // Kill once a good number of writes are through, with eight still in flight.
    while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 20));
    server.child.kill("SIGKILL");
    await server.exited;
    stop = true;
    await Promise.all(writers);

    const { integrity, rows } = readTenantFile(folder);
    const stored = new Map<string, number[]>();
    for (const row of rows) stored.set(row.title, [...(stored.get(row.title) ?? []), row.id]);
    const lost = [...acknowledged].filter(([title, id]) => !stored.get(title)?.includes(id));
    const duplicates = [...stored].filter(([, ids]) => ids.length > 1);
    console.log(
      `SIGKILL during concurrent writes: ${sent} sent, ${acknowledged.size} acknowledged, ` +
        `${lost.length} lost, ${duplicates.length} duplicates, integrity_check ${integrity.join(",")}`,
    );
    expect(integrity).toEqual(["ok"]);
    expect(lost).toEqual([]);
    expect(duplicates).toEqual([]);

    // And the server comes back on the same folder with the acknowledged writes readable.
    const again = await startCliServer(["--data-dir", folder]);
    servers.push(again);
    const [title, id] = [...acknowledged][acknowledged.size - 1]!;
    const read = await fetch(`${again.api}/incident?id=${id}`, { headers: AUTH });
    expect(await read.json()).toMatchObject({ title });
    await again.stop();
  });

  it("gives eight parallel writers on two processes unique ids and loses no update", async () => {
    const folder = dataFolder();
    const first = await startCliServer(["--data-dir", folder]);
    servers.push(first);
    // The tenant is created (seeded) once, before the second process opens it.
    await createRequest(first.api, "seeded");
    const second = await startCliServer(["--data-dir", folder]);
    servers.push(second);
    const perWriter = 20;
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const api = w % 2 === 0 ? first.api : second.api;
        const ids: number[] = [];
        for (let n = 0; n < perWriter; n++) ids.push(await createRequest(api, `writer-${w}-${n}`));
        return ids;
      }),
    );
    const ids = results.flat();
    expect(new Set(ids).size).toBe(8 * perWriter);
    await Promise.all([first.stop(), second.stop()]);
    const { integrity, rows } = readTenantFile(folder);
    expect(integrity).toEqual(["ok"]);
    const titles = new Map(rows.map((row) => [row.id, row.title]));
    results.forEach((writerIds, w) =>
      writerIds.forEach((id, n) => expect(titles.get(id)).toBe(`writer-${w}-${n}`)),
    );
  });

  it("keeps at most 64 tenant databases open however many tenants call", async () => {
    const folder = dataFolder();
    const run = await startMock({
      specPath: BUNDLE_SPEC,
      mode: "sandbox",
      memory: false,
      dataDir: folder,
    });
    try {
      const engine = run.mock.engine as SandboxEngine;
      for (let t = 0; t < 100; t++) {
        const authorization = `Basic ${Buffer.from(`tenant-${t}:x`).toString("base64")}`;
        const response = await fetch(`${run.api}/incident?id=4211`, { headers: { authorization } });
        expect(response.status).toBe(200);
      }
      expect(readdirSync(folder).filter((name) => name.endsWith(".sqlite"))).toHaveLength(100);
      expect(engine.tenants.openCount).toBeLessThanOrEqual(64);
      engine.tenants.closeIdle(Date.now() + 120_000);
      expect(engine.tenants.openCount).toBe(0);
    } finally {
      await run.mock.close();
    }
  });
});
