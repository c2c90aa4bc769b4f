// `sd-toolkit-mock prune --idle-days N [--data-dir DIR] [--dry-run]`: deletes the tenants on
// disk that nobody has used for N days. A tenant is a database file named by a digest, so age
// is all there is to go by: the latest change to the file or its write-ahead log. Run it while
// no mock uses the folder; a tenant deleted under a running mock would be lost mid-use.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

export interface PruneResult {
  removed: string[];
  kept: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function lastUse(dir: string, file: string): number {
  let latest = 0;
  for (const suffix of ["", "-wal"]) {
    try {
      latest = Math.max(latest, statSync(join(dir, file + suffix)).mtimeMs);
    } catch {
      // no write-ahead log: the file alone tells
    }
  }
  return latest;
}

/** Removes the tenants of `dataDir` last used more than `idleDays` ago (not when `dryRun`). */
export function pruneTenants(
  dataDir: string,
  idleDays: number,
  options: { dryRun?: boolean; now?: number } = {},
): PruneResult {
  const cutoff = (options.now ?? Date.now()) - idleDays * DAY_MS;
  const tenants = readdirSync(dataDir).filter((file) => /^[0-9a-f]{32}\.sqlite$/.test(file));
  const removed = tenants.filter((file) => lastUse(dataDir, file) < cutoff);
  if (!options.dryRun) {
    for (const file of removed) {
      for (const suffix of ["", "-wal", "-shm"])
        rmSync(join(dataDir, file + suffix), { force: true });
    }
  }
  return { removed, kept: tenants.length - removed.length };
}

export const PRUNE_USAGE =
  "usage: sd-toolkit-mock prune --idle-days N [--data-dir DIR] [--dry-run]\n" +
  "  Deletes the sandbox tenants in DIR (MOCK_DATA_DIR, else .sandbox) unused for N days.\n" +
  "  Stop the mocks that use DIR first.";

/** The `prune` subcommand; answers the exit status. */
export function runPrune(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  let values: { "idle-days"?: string; "data-dir"?: string; "dry-run"?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        "idle-days": { type: "string" },
        "data-dir": { type: "string" },
        "dry-run": { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`mock prune: ${(error as Error).message}\n${PRUNE_USAGE}`);
    return 2;
  }
  const days = Number(values["idle-days"]);
  if (values["idle-days"] === undefined || !Number.isFinite(days) || days < 0) {
    console.error(`mock prune: --idle-days takes a number of days, 0 or more.\n${PRUNE_USAGE}`);
    return 2;
  }
  const named = values["data-dir"] ?? env["MOCK_DATA_DIR"] ?? ".sandbox";
  if (named.trim() === "") {
    console.error("mock prune: --data-dir is empty; name the sandbox's data folder.");
    return 2;
  }
  const dataDir = resolve(named);
  let result: PruneResult;
  try {
    result = pruneTenants(dataDir, days, { dryRun: values["dry-run"] === true });
  } catch (error) {
    console.error(`mock prune: cannot read ${dataDir}: ${(error as Error).message}`);
    return 1;
  }
  const verb = values["dry-run"] ? "would remove" : "removed";
  console.log(
    `mock prune: ${verb} ${result.removed.length} tenant(s) idle for over ${days} day(s) in ${dataDir}; ${result.kept} kept.`,
  );
  return 0;
}
