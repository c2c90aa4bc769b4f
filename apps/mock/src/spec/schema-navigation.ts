// Reading JSON Schemas of the description without a validator: which types a value may take,
// the schema of a property or of array items, and a short human description of what a schema
// expects. Coercion and error messages both need this, for any schema the description holds.
import { deref, isObject, type Json, type OpenApiDocument, type Schema } from "./description.js";

export type JsonType = "string" | "integer" | "number" | "boolean" | "array" | "object" | "null";

const ALL_TYPES: readonly JsonType[] = [
  "string",
  "integer",
  "number",
  "boolean",
  "array",
  "object",
  "null",
];

/** The schema itself, with `$ref` followed. Boolean and missing schemas become objects. */
function resolved(doc: OpenApiDocument, schema: Schema | Json | undefined) {
  const value = deref(doc, schema as Json);
  return isObject(value) ? value : {};
}

function subschemas(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

const typeCache = new WeakMap<object, ReadonlySet<JsonType>>();

/**
 * Every JSON type a value matching the schema may have. Unions over `anyOf`/`oneOf` branches;
 * `allOf` narrows to the members that say anything. No constraint at all means every type.
 */
export function allowedTypes(
  doc: OpenApiDocument,
  schema: Schema | Json | undefined,
): ReadonlySet<JsonType> {
  const s = resolved(doc, schema);
  const cached = typeCache.get(s);
  if (cached) return cached;
  let result: Set<JsonType> | undefined;
  const own = s["type"];
  if (typeof own === "string") result = new Set([own as JsonType]);
  else if (Array.isArray(own)) result = new Set(own as JsonType[]);
  else if (s["const"] !== undefined) result = new Set([jsonTypeOf(s["const"])]);
  else if (Array.isArray(s["enum"])) result = new Set(s["enum"].map(jsonTypeOf));
  const branches = [...subschemas(s["anyOf"]), ...subschemas(s["oneOf"])];
  if (branches.length > 0) {
    const union = new Set<JsonType>();
    for (const branch of branches) allowedTypes(doc, branch).forEach((t) => union.add(t));
    result = result ? new Set([...result].filter((t) => union.has(t))) : union;
  }
  for (const member of subschemas(s["allOf"])) {
    const types = allowedTypes(doc, member);
    if (types.size < ALL_TYPES.length) {
      result = result ? new Set([...result].filter((t) => types.has(t))) : new Set(types);
    }
  }
  // An integer is also a number.
  if (result?.has("number")) result.add("integer");
  const final = result ?? new Set(ALL_TYPES);
  typeCache.set(s, final);
  return final;
}

function jsonTypeOf(value: Json): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

/** The schemas a value must satisfy together: the schema plus its allOf members, recursively. */
function conjunction(doc: OpenApiDocument, schema: Schema | Json | undefined, depth = 0) {
  const s = resolved(doc, schema);
  const members = [s];
  if (depth < 16) {
    for (const m of subschemas(s["allOf"])) members.push(...conjunction(doc, m, depth + 1));
  }
  return members;
}

/** The schema of a named property, looking through allOf, anyOf and oneOf. */
export function propertySchema(
  doc: OpenApiDocument,
  schema: Schema | Json | undefined,
  name: string,
): Json | undefined {
  for (const s of conjunction(doc, schema)) {
    const properties = s["properties"];
    if (isObject(properties) && properties[name] !== undefined) return properties[name];
  }
  for (const s of conjunction(doc, schema)) {
    for (const branch of [...subschemas(s["anyOf"]), ...subschemas(s["oneOf"])]) {
      const found = propertySchema(doc, branch, name);
      if (found !== undefined) return found;
    }
  }
  for (const s of conjunction(doc, schema)) {
    const extra = s["additionalProperties"];
    if (isObject(extra)) return extra;
  }
  return undefined;
}

/** Names of every declared property, looking through allOf, anyOf and oneOf. */
export function propertyNames(doc: OpenApiDocument, schema: Schema | Json | undefined): string[] {
  const names = new Set<string>();
  for (const s of conjunction(doc, schema)) {
    if (isObject(s["properties"])) Object.keys(s["properties"]).forEach((n) => names.add(n));
    for (const branch of [...subschemas(s["anyOf"]), ...subschemas(s["oneOf"])]) {
      propertyNames(doc, branch).forEach((n) => names.add(n));
    }
  }
  return [...names];
}

/** Names the schema lists as required (allOf members included). */
export function requiredNames(doc: OpenApiDocument, schema: Schema | Json | undefined): string[] {
  const names = new Set<string>();
  for (const s of conjunction(doc, schema)) {
    for (const n of subschemas(s["required"])) if (typeof n === "string") names.add(n);
  }
  return [...names];
}

/** The schema of array items, looking through allOf, anyOf and oneOf. */
export function itemsSchema(
  doc: OpenApiDocument,
  schema: Schema | Json | undefined,
): Json | undefined {
  for (const s of conjunction(doc, schema)) {
    if (s["items"] !== undefined) return s["items"];
    for (const branch of [...subschemas(s["anyOf"]), ...subschemas(s["oneOf"])]) {
      const found = itemsSchema(doc, branch);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function listValues(values: Json[]): string {
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v));
  return shown.join(", ") + (values.length > shown.length ? ", ..." : "");
}

/**
 * What a schema expects, in a few words, with the wire form where it matters:
 * "integer", "one of 1, 2, 3", "boolean (1 or 0)", "array of integer (ids[]=...)".
 */
export function describeSchema(
  doc: OpenApiDocument,
  schema: Schema | Json | undefined,
  name = "name",
  depth = 0,
): string {
  const s = resolved(doc, schema);
  if (Array.isArray(s["enum"])) return `one of ${listValues(s["enum"])}`;
  if (s["const"] !== undefined) return `exactly ${JSON.stringify(s["const"])}`;
  const types = [...allowedTypes(doc, s)].filter(
    (t) => !(t === "integer" && allowedTypes(doc, s).has("number")),
  );
  if (types.length === ALL_TYPES.length - 1) return "any value";
  const words = types.map((type) => {
    switch (type) {
      case "boolean":
        return "boolean (1 or 0)";
      case "array": {
        const items = itemsSchema(doc, s);
        const inner =
          depth < 2 && items !== undefined ? describeSchema(doc, items, name, depth + 1) : "";
        return `array${inner ? ` of ${inner}` : ""} (${name}[]=...)`;
      }
      case "object":
        return `object (${name}[key]=...)`;
      case "string": {
        const format = s["format"];
        return typeof format === "string" && format !== "binary" ? `string (${format})` : "string";
      }
      default:
        return type;
    }
  });
  const bounds: string[] = [];
  if (typeof s["minimum"] === "number") bounds.push(`>= ${s["minimum"]}`);
  if (typeof s["maximum"] === "number") bounds.push(`<= ${s["maximum"]}`);
  if (typeof s["minLength"] === "number") bounds.push(`at least ${s["minLength"]} characters`);
  if (typeof s["maxLength"] === "number") bounds.push(`at most ${s["maxLength"]} characters`);
  return words.join(" or ") + (bounds.length ? `, ${bounds.join(", ")}` : "");
}
