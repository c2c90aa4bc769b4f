// Turns wire values (every query or form value is a string) into the JSON types the
// description asks for, the way the PHP server reads them: "42" is an integer where an
// integer is wanted, "1"/"0"/"true"/"false" are booleans, `ids[0]=..` and `ids[]=..` both
// make arrays. Values that cannot be converted are left as they are, so the validator names
// them in its 428 answer instead of the mock guessing.
import { isObject, type Json, type OpenApiDocument } from "../spec/description.js";
import { allowedTypes, itemsSchema, propertySchema } from "../spec/schema-navigation.js";

const CANONICAL_INTEGER = /^-?(0|[1-9]\d*)$/;
const LENIENT_INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEANS: Record<string, boolean> = { "1": true, "0": false, true: true, false: false };

function coerceString(doc: OpenApiDocument, schema: Json | undefined, value: string): Json {
  const types = allowedTypes(doc, schema);
  // Where a string is acceptable, only convert values that are unmistakably something else:
  // "0123" stays a string for a [integer, string] schema, but is 123 for an integer one.
  const stringAllowed = types.has("string");
  if (types.has("integer") && (stringAllowed ? CANONICAL_INTEGER : LENIENT_INTEGER).test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  if (types.has("number") && !stringAllowed && NUMBER.test(value)) {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  if (types.has("boolean")) {
    const b = BOOLEANS[value.toLowerCase()];
    if (b !== undefined && (!stringAllowed || value.length > 1)) return b;
  }
  if (types.has("null") && !stringAllowed && value === "") return null;
  return value;
}

function isStringOnly(doc: OpenApiDocument, schema: Json | undefined): boolean {
  const types = allowedTypes(doc, schema);
  return (
    types.has("string") && !types.has("number") && !types.has("integer") && !types.has("boolean")
  );
}

/** PHP arrays with explicit indexes (`ids[0]=`, `ids[25]=`) arrive as objects keyed by number. */
function asList(value: { [key: string]: Json }): Json[] | undefined {
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => /^\d+$/.test(k))) return undefined;
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k] as Json);
}

export function coerceValue(
  doc: OpenApiDocument,
  schema: Json | undefined,
  value: Json,
  depth = 0,
): Json {
  if (schema === undefined || depth > 8) return value;
  if (typeof value === "string") return coerceString(doc, schema, value);
  if (typeof value === "number" && isStringOnly(doc, schema)) {
    // A JSON body may send 42 where PHP would have read the text "42".
    return String(value);
  }
  if (typeof value === "number" && allowedTypes(doc, schema).has("boolean")) {
    // JSON bodies may carry 1/0 for flags, as the form wire does.
    if (value === 1 && !allowedTypes(doc, schema).has("integer")) return true;
    if (value === 0 && !allowedTypes(doc, schema).has("integer")) return false;
    return value;
  }
  if (Array.isArray(value)) {
    const items = itemsSchema(doc, schema);
    return value.map((item) => coerceValue(doc, items, item, depth + 1));
  }
  if (isObject(value)) {
    const types = allowedTypes(doc, schema);
    const list = types.has("array") && !types.has("object") ? asList(value) : undefined;
    if (list) return coerceValue(doc, schema, list, depth);
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      // A JSON body may carry "__proto__" as a key; assigning it would swap the prototype.
      if (key === "__proto__") continue;
      out[key] = coerceValue(doc, propertySchema(doc, schema, key), item, depth + 1);
    }
    return out;
  }
  return value;
}

/** Coerces each named parameter by its own schema; unknown names pass through untouched. */
export function coerceParameters(
  doc: OpenApiDocument,
  schemas: ReadonlyMap<string, Json>,
  params: { [name: string]: Json },
): { [name: string]: Json } {
  const out: { [name: string]: Json } = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === "__proto__") continue;
    out[name] = coerceValue(doc, schemas.get(name), value);
  }
  return out;
}
