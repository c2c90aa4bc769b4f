// Loads Node's built-in SQLite. On Node 22 loading it prints "ExperimentalWarning: SQLite is an
// experimental feature" (24 no longer does); a sandbox user cannot act on that, so this one
// warning is dropped while the module loads, and every other warning still goes through.
import { createRequire } from "node:module";
import type * as NodeSqlite from "node:sqlite";

type SqliteModule = typeof NodeSqlite;

let loaded: SqliteModule | undefined;

export function sqlite(): SqliteModule {
  if (loaded) return loaded;
  const original = process.emitWarning;
  process.emitWarning = function emitWarning(warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === "string" ? warning : warning.message;
    const first = rest[0];
    const type = typeof first === "string" ? first : (first as { type?: string } | undefined)?.type;
    if (type === "ExperimentalWarning" && /SQLite/i.test(text)) return;
    return (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    loaded = createRequire(import.meta.url)("node:sqlite") as SqliteModule;
  } finally {
    process.emitWarning = original;
  }
  return loaded;
}
