// The bundled description, read where every package reads it (openapi/dist).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OpenApiDocument } from "../../src/openapi/operations.js";

export const BUNDLE_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../openapi/dist/openapi.json",
);

export function loadBundle(): OpenApiDocument {
  return JSON.parse(readFileSync(BUNDLE_PATH, "utf8"));
}
