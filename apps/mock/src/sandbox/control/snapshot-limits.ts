// Bounds on a tenant's snapshots: each is a full copy of its state, so ten snapshots of a
// 45 MB tenant added 465 MB in seconds. A tenant keeps at most MAX_SNAPSHOTS, and the copies
// together at most MAX_SNAPSHOT_BYTES of record text; a snapshot past either is refused (409)
// and nothing is dropped for it. Limits of the sandbox, listed in docs/security.md.
import type { TenantStore } from "../store.js";

export const MAX_SNAPSHOTS = 20;
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

const sum = (store: TenantStore, sql: string, ...args: string[]) =>
  Number(store.db.prepare(sql).get(...args)?.["n"] ?? 0);

/** Why saving `name` would pass a limit, or undefined when it fits. */
export function snapshotRefusal(
  store: TenantStore,
  name: string,
  limits = { count: MAX_SNAPSHOTS, bytes: MAX_SNAPSHOT_BYTES },
): string | undefined {
  const names = store.snapshots().map((snapshot) => snapshot.name);
  const others = names.filter((other) => other !== name).length;
  if (others >= limits.count) {
    return `The tenant holds ${others} snapshots, the most this sandbox keeps; drop one (DELETE /__sandbox/snapshots/{name}) first.`;
  }
  const state = sum(store, "SELECT COALESCE(SUM(LENGTH(body)), 0) AS n FROM records");
  const kept = sum(
    store,
    "SELECT COALESCE(SUM(LENGTH(body)), 0) AS n FROM snapshot_records WHERE name <> ?",
    name,
  );
  if (state + kept > limits.bytes) {
    return `Snapshots of this tenant would hold ${state + kept} bytes of records, over this sandbox's ${limits.bytes}; drop one first.`;
  }
  return undefined;
}
