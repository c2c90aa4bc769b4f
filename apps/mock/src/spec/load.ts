// The description as every layer uses it: the document, its table of operations, and one schema
// compiler shared by the front's validation and the engines (the sandbox checks seeds with it).
import { loadDescription, type OpenApiDocument } from "./description.js";
import { indexOperations, type OperationTable } from "./operations.js";
import { createSchemaCompiler, type SchemaCompiler } from "./schema-compiler.js";

export interface LoadedSpec {
  doc: OpenApiDocument;
  table: OperationTable;
  compiler: SchemaCompiler;
}

export async function loadSpec(path: string): Promise<LoadedSpec> {
  const doc = await loadDescription(path);
  return { doc, table: indexOperations(doc), compiler: createSchemaCompiler(doc) };
}
