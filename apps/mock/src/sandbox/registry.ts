// Joins the domain modules (./domains/, one per tag) into one map from operationId to handler,
// and checks them against the description at startup: a handler for an operation the
// description lacks, or one filed under another tag's module, is a mistake to report at once.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isObject, type OpenApiDocument } from "../front/description.js";
import type { Operation } from "../front/operations.js";
import type { DomainModule, Handler, KindSpec } from "./handler.js";

export interface Registry {
  handlers: ReadonlyMap<string, Handler>;
  kinds: ReadonlyMap<string, KindSpec>;
  /** Operations of the description with no handler yet, as `operationId (METHOD /path)`. */
  missing: string[];
}

/** `Request Comments` -> `request-comments`: the file name of a tag's module. */
export function moduleName(tag: string): string {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const DOMAINS_DIR = join(dirname(fileURLToPath(import.meta.url)), "domains");

/** The modules in ./domains/, whether this runs from src/ (tests) or dist/ (built). */
export async function loadDomainModules(dir = DOMAINS_DIR): Promise<Map<string, DomainModule>> {
  const modules = new Map<string, DomainModule>();
  const files = readdirSync(dir)
    .filter((name) => /\.(ts|js)$/.test(name) && !/\.d\.ts$/.test(name))
    .sort();
  for (const file of files) {
    const loaded = (await import(pathToFileURL(join(dir, file)).href)) as { domain?: unknown };
    const domain = loaded.domain;
    if (!isObject(domain as never) || typeof (domain as DomainModule).tag !== "string") {
      throw new Error(`Sandbox domain module ${file} does not export a \`domain\` with a tag`);
    }
    modules.set(file.replace(/\.(ts|js)$/, ""), domain as DomainModule);
  }
  return modules;
}

function operationTag(doc: OpenApiDocument, operation: Operation): string | undefined {
  const raw = doc.paths[operation.path]?.[operation.method];
  const tags = isObject(raw) ? raw["tags"] : undefined;
  return Array.isArray(tags) && typeof tags[0] === "string" ? tags[0] : undefined;
}

export function buildRegistry(
  doc: OpenApiDocument,
  operations: readonly Operation[],
  modules: ReadonlyMap<string, DomainModule>,
): Registry {
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const handlers = new Map<string, Handler>();
  const kinds = new Map<string, KindSpec>();
  const problems: string[] = [];
  for (const [file, domain] of modules) {
    if (moduleName(domain.tag) !== file) {
      problems.push(
        `${file}: serves tag "${domain.tag}", so it must be named ${moduleName(domain.tag)}`,
      );
    }
    for (const [operationId, handler] of Object.entries(domain.handlers)) {
      const operation = byId.get(operationId);
      if (!operation) {
        problems.push(`${file}: ${operationId} is not an operation of the description`);
        continue;
      }
      const tag = operationTag(doc, operation);
      if (tag !== domain.tag) {
        problems.push(`${file}: ${operationId} belongs to tag "${tag}", not "${domain.tag}"`);
      }
      if (handlers.has(operationId)) problems.push(`${file}: ${operationId} has two handlers`);
      handlers.set(operationId, handler);
    }
    for (const [kind, spec] of Object.entries(domain.kinds ?? {})) {
      if (kinds.has(kind)) problems.push(`${file}: record kind "${kind}" is declared twice`);
      kinds.set(kind, spec);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The sandbox's domain modules are inconsistent:\n  ${problems.join("\n  ")}`);
  }
  const missing = operations
    .filter((op) => !handlers.has(op.operationId))
    .map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
  return { handlers, kinds, missing };
}
