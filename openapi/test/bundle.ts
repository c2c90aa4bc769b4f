// Loads the bundle once for every test file and lists its operations in a stable order.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const HTTP_METHODS = ["get", "put", "post", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

// The bundle is JSON of arbitrary shape; tests walk it structurally.
export type Json = any;

export const bundlePath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
export const bundle: Json = JSON.parse(readFileSync(bundlePath, "utf8"));

export interface Operation {
  path: string;
  method: HttpMethod;
  op: Json;
  /** `GET /incident`, used to name test cases. */
  label: string;
}

export const operations: Operation[] = Object.entries(bundle.paths as Record<string, Json>).flatMap(
  ([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      path,
      method,
      op: item[method],
      label: `${method.toUpperCase()} ${path}`,
    })),
);

/** Follows a local `#/components/...` reference inside the bundle. */
export function resolve(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    current = pointer.reduce(
      (acc: Json, part: string) => acc?.[part.replace(/~1/g, "/").replace(/~0/g, "~")],
      bundle,
    );
  }
  return current;
}

/** JSON pointer of a node inside the bundle, for ajv `$ref`s. */
export function pointer(...parts: string[]): string {
  return `#/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}
