// The seed: every tenant's starting state, the description's fictional data set. A seed is
// JSON (schema in seed/seed.schema.json, explained in the README): records by kind, each with
// an integer id and the fields of the description's schema for that kind, and relation pairs.
// It is checked on load, and every error names the record at fault.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isObject, type Json, type JsonObject } from "../spec/description.js";
import { packageDir } from "../spec/package-dir.js";
import type { SchemaCompiler, ValidateFunction } from "../spec/schema-compiler.js";
import type { KindSpec } from "./handler.js";
import type { StoredRecord } from "./store.js";

export interface Seed {
  records: Map<string, StoredRecord[]>;
  relations: Map<string, Array<[number, number]>>;
}

/** What `startMock({ seed })` and `--seed FILE` take: a path, or the parsed JSON. */
export type SeedSource = string | JsonObject;

/**
 * The built-in seed: one document per domain in this folder, read in file-name order, so each
 * domain keeps its records in a file of its own.
 */
export const BUILTIN_SEED_DIR = join(packageDir(), "seed", "builtin");

function builtinDocuments(): Array<{ raw: Json; origin: string }> {
  return readdirSync(BUILTIN_SEED_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const path = join(BUILTIN_SEED_DIR, name);
      return { raw: readJson(path), origin: path };
    });
}

const RELATION_KIND = /^[a-z][a-z0-9_.]*$/;

export class SeedError extends Error {
  constructor(origin: string, problems: string[]) {
    super(`The seed ${origin} is not valid:\n  ${problems.join("\n  ")}`);
    this.name = "SeedError";
  }
}

function readJson(path: string): Json {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new SeedError(path, ["the file cannot be read"]);
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new SeedError(path, [`not JSON: ${(error as Error).message}`]);
  }
}

/** Checks one seed document and adds its records and relations to `into`. */
function readSeedDocument(
  raw: Json,
  kinds: ReadonlyMap<string, KindSpec>,
  validators: Map<string, ValidateFunction>,
  compiler: SchemaCompiler,
  into: Seed,
): string[] {
  const problems: string[] = [];
  if (!isObject(raw)) return ["the top level must be an object"];
  for (const key of Object.keys(raw)) {
    if (!["$schema", "extends", "records", "relations"].includes(key)) {
      problems.push(`unknown top-level key "${key}" (known: extends, records, relations)`);
    }
  }
  const records = raw["records"] ?? {};
  if (!isObject(records)) problems.push("records must be an object of arrays, keyed by kind");
  else {
    for (const [kind, list] of Object.entries(records)) {
      const spec = kinds.get(kind);
      if (!spec) {
        problems.push(
          `records.${kind}: unknown kind (known: ${[...kinds.keys()].sort().join(", ")})`,
        );
        continue;
      }
      if (!Array.isArray(list)) {
        problems.push(`records.${kind} must be an array`);
        continue;
      }
      let validate = validators.get(kind);
      if (!validate) {
        validate = compiler.compile({ $ref: `#/components/schemas/${spec.schema}` });
        validators.set(kind, validate);
      }
      const target = into.records.get(kind) ?? [];
      const seen = new Set<number>();
      list.forEach((record, index) => {
        const id = isObject(record) ? record["id"] : undefined;
        const where = `records.${kind}[${index}]${typeof id === "number" ? ` (id ${id})` : ""}`;
        if (!isObject(record) || typeof id !== "number" || !Number.isInteger(id) || id < 1) {
          problems.push(`${where}: must be an object with a positive integer id`);
          return;
        }
        if (seen.has(id)) problems.push(`${where}: id ${id} appears twice in ${kind}`);
        seen.add(id);
        if (!validate(record)) {
          for (const error of validate.errors ?? []) {
            const field = error.instancePath || "(record)";
            problems.push(
              `${where}: ${field} ${error.message ?? "is invalid"} (schema ${spec.schema})`,
            );
          }
          return;
        }
        // A record of an extending seed replaces the base record with the same id.
        const existing = target.findIndex((r) => r.id === id);
        if (existing >= 0) target[existing] = record as StoredRecord;
        else target.push(record as StoredRecord);
      });
      into.records.set(kind, target);
    }
  }
  const relations = raw["relations"] ?? {};
  if (!isObject(relations))
    problems.push("relations must be an object of [a, b] pairs, keyed by kind");
  else {
    for (const [kind, pairs] of Object.entries(relations)) {
      if (!RELATION_KIND.test(kind))
        problems.push(`relations.${kind}: kind names are lower_snake_case`);
      if (!Array.isArray(pairs)) {
        problems.push(`relations.${kind} must be an array of [a, b] pairs`);
        continue;
      }
      const target = into.relations.get(kind) ?? [];
      pairs.forEach((pair, index) => {
        if (
          !Array.isArray(pair) ||
          pair.length !== 2 ||
          !pair.every((n) => typeof n === "number" && Number.isInteger(n) && n > 0)
        ) {
          problems.push(`relations.${kind}[${index}]: must be a pair of positive integer ids`);
          return;
        }
        const [a, b] = pair as [number, number];
        if (!target.some(([x, y]) => x === a && y === b)) target.push([a, b]);
      });
      into.relations.set(kind, target);
    }
  }
  return problems;
}

/**
 * Loads the seed: the built-in one, or `source` (a file or parsed JSON) instead of it, or on
 * top of it when `source` says `"extends": "builtin"`.
 */
export function loadSeed(
  source: SeedSource | undefined,
  kinds: ReadonlyMap<string, KindSpec>,
  compiler: SchemaCompiler,
): Seed {
  const seed: Seed = { records: new Map(), relations: new Map() };
  const validators = new Map<string, ValidateFunction>();
  const documents: Array<{ raw: Json; origin: string }> = [];
  const given =
    source === undefined
      ? undefined
      : typeof source === "string"
        ? { raw: readJson(source), origin: source }
        : { raw: source as Json, origin: "passed to startMock" };
  const extendsBuiltin = isObject(given?.raw) && given.raw["extends"] === "builtin";
  if (isObject(given?.raw) && given.raw["extends"] !== undefined && !extendsBuiltin) {
    throw new SeedError(given.origin, [`extends must be "builtin" when present`]);
  }
  if (!given || extendsBuiltin) documents.push(...builtinDocuments());
  if (given) documents.push(given);
  for (const { raw, origin } of documents) {
    const problems = readSeedDocument(raw, kinds, validators, compiler, seed);
    if (problems.length > 0) throw new SeedError(origin, problems);
  }
  for (const list of seed.records.values()) list.sort((a, b) => a.id - b.id);
  return seed;
}
