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

// Optional fields of schemas and optional parameters also take `undefined` (`x?: T | undefined`):
// the client leaves undefined values out of queries and bodies, so a caller compiling with
// `exactOptionalPropertyTypes` may pass `{ priority_id: maybe }` as it is. openapi-typescript
// writes `x?: T`; this pass adds the `| undefined` inside schemas (below `schemas` and every
// `content`) and to the members of `parameters.query/header/path/cookie`. The structure that
// openapi-fetch reads (`query?: never`, `requestBody?:`, the methods of a path) stays as it is.
const PARAMETER_IN = new Set(["query", "header", "path", "cookie"]);
const nameOf = (node) =>
  node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
    ? node.name.text
    : undefined;
const withUndefined = (type) =>
  ts.factory.createUnionTypeNode([
    type,
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword),
  ]);

function acceptUndefined(context) {
  // `inSchema`: below a schema, or among the members of a parameter list.
  const visit = (inSchema, parentName) => (node) => {
    if (ts.isPropertySignature(node) && node.type) {
      const name = nameOf(node);
      const childInSchema =
        inSchema ||
        name === "schemas" ||
        name === "content" ||
        (parentName === "parameters" && PARAMETER_IN.has(name ?? ""));
      const type = ts.visitNode(node.type, visit(childInSchema, name));
      return ts.factory.updatePropertySignature(
        node,
        node.modifiers,
        node.name,
        node.questionToken,
        node.questionToken && inSchema ? withUndefined(type) : type,
      );
    }
    return ts.visitEachChild(node, visit(inSchema, parentName), context);
  };
  return (node) => ts.visitNode(node, visit(false, undefined));
}

const banner =
  "// Generated from openapi/dist/openapi.json by packages/types/scripts/generate.js.\n" +
  "// Do not edit: change the description and rebuild.\n\n";
mkdirSync(fileURLToPath(new URL("../src/generated/", import.meta.url)), { recursive: true });
const { transformed } = ts.transform(ast, [acceptUndefined]);
writeFileSync(output, banner + astToString(transformed));
console.log(`types written to ${output}`);
