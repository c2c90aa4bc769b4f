// The bundled OpenAPI description, loosely typed: the mock reads only a handful of fields and
// must not break when the description grows fields it does not know.
import { readFile } from "node:fs/promises";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), or a boolean schema. */
export type Schema = JsonObject | boolean;

export interface OpenApiDocument extends JsonObject {
  paths: { [path: string]: JsonObject };
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function loadDescription(path: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(
      `No bundled description at ${path}. Build it first: npm run bundle -w @sd-toolkit/openapi`,
    );
  }
  const doc: unknown = JSON.parse(text);
  if (!isObject(doc) || !isObject(doc["paths"])) {
    throw new Error(`${path} is not an OpenAPI description (no paths)`);
  }
  return doc as OpenApiDocument;
}

/**
 * Follows local `$ref`s (`#/components/...`) until it reaches an object without one. The bundle
 * only holds local references, so anything else is a broken bundle and fails loudly.
 */
export function deref(doc: OpenApiDocument, value: Json | undefined): Json | undefined {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current["$ref"] === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current["$ref"]}`);
    current = resolvePointer(doc, current["$ref"]);
  }
  return current;
}

export function resolvePointer(doc: OpenApiDocument, ref: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    const next: Json | undefined = Array.isArray(node)
      ? node[Number(key)]
      : isObject(node)
        ? node[key]
        : undefined;
    if (next === undefined) throw new Error(`Unresolvable $ref ${ref}`);
    node = next;
  }
  return node;
}
