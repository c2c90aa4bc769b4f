// One Ajv instance per description. The whole bundle is registered once under a private id,
// and every schema compiled later has its local `#/components/...` references pointed at it,
// so shared components are compiled once and cycles in them are fine.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { isObject, type Json, type OpenApiDocument, type Schema } from "./description.js";

const BUNDLE_ID = "urn:sd-toolkit:openapi-bundle";

export type { ErrorObject, ValidateFunction };

export interface SchemaCompiler {
  compile(schema: Schema): ValidateFunction;
}

function pointAtBundle(value: Json): Json {
  if (Array.isArray(value)) return value.map(pointAtBundle);
  if (!isObject(value)) return value;
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === "$ref" && typeof item === "string" && item.startsWith("#")
        ? BUNDLE_ID + item
        : pointAtBundle(item);
  }
  return out;
}

export function createSchemaCompiler(doc: OpenApiDocument): SchemaCompiler {
  const ajv = new Ajv2020({
    // OpenAPI adds keywords of its own (example, discriminator, xml, ...): not errors.
    strict: false,
    allErrors: true,
    // Errors carry the failing schema, from which the 428 answer says what was expected.
    verbose: true,
    logger: false,
  });
  // ajv-formats is CommonJS: under NodeNext its plugin is the `default` of the module object.
  ajvFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: BUNDLE_ID }, undefined, undefined, false);
  return {
    compile(schema) {
      return ajv.compile(typeof schema === "boolean" ? schema : (pointAtBundle(schema) as object));
    },
  };
}
