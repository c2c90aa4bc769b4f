// Joins the domain modules (./domains/, one per tag) into one map from operationId to handler,
// and checks them against the description at startup: a handler for an operation the
// description lacks, or one filed under another tag's module, is a mistake to report at once.
import { isObject, type OpenApiDocument } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import { DOMAIN_MODULES } from "./domains/index.js";
import type { DomainModule, KindSpec, RegisteredHandler } from "./handler.js";

export interface Registry {
  handlers: ReadonlyMap<string, RegisteredHandler>;
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

/** The modules in ./domains/ (listed in domains/index.ts). */
export function loadDomainModules(): ReadonlyMap<string, DomainModule> {
  return DOMAIN_MODULES;
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
  const handlers = new Map<string, RegisteredHandler>();
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
      // The front validated the parameters against the description these types come from.
      handlers.set(operationId, handler as unknown as RegisteredHandler);
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
