// Generates src/generated/schema.ts from the bundle with openapi-typescript. The Node API is
// used instead of the CLI for one transform: file fields (the description's rule, shared with
// the docs and the mock: `format: binary` or a `contentMediaType`) become `Blob`, so callers can
// pass a File without a cast.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isFileSchema } from "@sd-toolkit/openapi/file-schema";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const bundle = new URL("../../../openapi/dist/openapi.json", import.meta.url);
const output = fileURLToPath(new URL("../src/generated/schema.ts", import.meta.url));
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));

const ast = await openapiTS(bundle, {
  transform: (schema) => (isFileSchema(schema) ? BLOB : undefined),
});

const banner =
  "// Generated from openapi/dist/openapi.json by packages/types/scripts/generate.js.\n" +
  "// Do not edit: change the description and rebuild.\n\n";
mkdirSync(fileURLToPath(new URL("../src/generated/", import.meta.url)), { recursive: true });
writeFileSync(output, banner + astToString(ast));
console.log(`types written to ${output}`);
