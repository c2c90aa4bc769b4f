// Validates the normalised parameters of a request against everything the description says
// about them (query parameters and the body schema, as one object, since the real server
// reads both places alike) and turns validator errors into one entry per offending parameter.
import { isObject, type Json, type OpenApiDocument, type Schema } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import type { InvalidParam } from "../spec/problem.js";
import type { ErrorObject, SchemaCompiler, ValidateFunction } from "../spec/schema-compiler.js";
import {
  allowedTypes,
  describeSchema,
  itemsSchema,
  propertyNames,
  propertySchema,
} from "../spec/schema-navigation.js";
import { isSecretSchema } from "./secret-schema.js";

export type { InvalidParam };

export interface RequestValidator {
  /** The schema of each declared parameter, for coercing wire strings before validation. */
  parameterSchemas: ReadonlyMap<string, Json>;
  /** The problems with `params`, none when it is valid. */
  validate(params: { [name: string]: Json }, mediaType?: string): InvalidParam[];
}

/** Which body schema a request is checked against: its own media type's, else the form's. */
function bodySchemaFor(operation: Operation, mediaType: string | undefined): Schema | undefined {
  if (mediaType && operation.bodySchemas.has(mediaType))
    return operation.bodySchemas.get(mediaType);
  for (const preferred of ["application/x-www-form-urlencoded", "multipart/form-data"]) {
    const schema = operation.bodySchemas.get(preferred);
    if (schema !== undefined) return schema;
  }
  return operation.bodySchemas.values().next().value;
}

/** One object schema for the parameters plus the body schema: the request as the server sees it. */
function requestSchema(operation: Operation, body: Schema | undefined): Schema {
  const properties: { [name: string]: Json } = {};
  const required: string[] = [];
  for (const p of operation.parameters) {
    properties[p.name] = p.schema;
    if (p.required) required.push(p.name);
  }
  const parameters: Schema = { type: "object", properties, required };
  return body === undefined ? parameters : { allOf: [parameters, body] };
}

function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `["ids", "1"]` becomes `ids[1]`, the PHP wire spelling. */
function wireName(segments: string[]): string {
  const [first = "(request)", ...rest] = segments;
  return first + rest.map((s) => `[${s}]`).join("");
}

function schemaAt(doc: OpenApiDocument, root: Schema, segments: string[]): Json | undefined {
  let schema: Json | undefined = root;
  for (const segment of segments) {
    if (schema === undefined) return undefined;
    schema =
      /^\d+$/.test(segment) && allowedTypes(doc, schema).has("array")
        ? itemsSchema(doc, schema)
        : propertySchema(doc, schema, segment);
  }
  return schema;
}

function valueAt(data: Json, segments: string[]): Json | undefined {
  let value: Json | undefined = data;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

function shorten(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Which error to keep when one parameter fails several rules: the most telling one. */
const PRIORITY = ["required", "anyOf", "oneOf", "type", "enum", "const", "format"];
const rank = (keyword: string) => {
  const i = PRIORITY.indexOf(keyword);
  return i === -1 ? PRIORITY.length : i;
};

function toInvalidParams(
  doc: OpenApiDocument,
  root: Schema,
  data: { [name: string]: Json },
  errors: ErrorObject[],
): InvalidParam[] {
  // Errors inside anyOf/oneOf branches repeat what the anyOf error says; keep the anyOf one.
  const unions = errors
    .filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf")
    .map((e) => e.schemaPath + "/");
  const relevant = errors.filter(
    (e) => e.keyword !== "if" && !unions.some((prefix) => e.schemaPath.startsWith(prefix)),
  );
  const byTarget = new Map<string, { error: ErrorObject; segments: string[] }>();
  for (const error of relevant) {
    const segments = pointerSegments(error.instancePath);
    const missing = error.params["missingProperty"];
    const extra = error.params["additionalProperty"];
    if (typeof missing === "string") segments.push(missing);
    if (typeof extra === "string") segments.push(extra);
    const key = JSON.stringify(segments);
    const kept = byTarget.get(key);
    if (!kept || rank(error.keyword) < rank(kept.error.keyword)) {
      byTarget.set(key, { error, segments });
    }
  }
  return [...byTarget.values()].map(({ error, segments }) => {
    const name = wireName(segments);
    const expected = describeSchema(doc, schemaAt(doc, root, segments), name.replace(/\[.*$/, ""));
    let reason: string;
    switch (error.keyword) {
      case "required":
        reason = "is required";
        break;
      case "additionalProperties":
        reason = "is not a parameter of this operation";
        break;
      case "type":
      case "enum":
      case "const":
      case "anyOf":
      case "oneOf":
        reason = `must be ${expected}`;
        break;
      default:
        reason = error.message ?? "is invalid";
    }
    const received = valueAt(data, segments);
    // A secret is never quoted back: the answer may end up in a test's log.
    const secret = segments.some((_, i) =>
      isSecretSchema(doc, schemaAt(doc, root, segments.slice(0, i + 1))),
    );
    return received === undefined || secret
      ? { name, reason, expected }
      : { name, reason, expected, received: shorten(received) };
  });
}

export function createRequestValidator(
  doc: OpenApiDocument,
  compiler: SchemaCompiler,
  operation: Operation,
): RequestValidator {
  const parameterSchemas = new Map<string, Json>();
  for (const p of operation.parameters) parameterSchemas.set(p.name, p.schema);
  const validators = new Map<Schema | undefined, { root: Schema; check: ValidateFunction }>();
  const bodies = new Set<Schema | undefined>(
    operation.bodySchemas.size ? operation.bodySchemas.values() : [undefined],
  );
  for (const body of bodies) {
    for (const name of propertyNames(doc, body)) {
      if (!parameterSchemas.has(name))
        parameterSchemas.set(name, propertySchema(doc, body, name) ?? {});
    }
    const root = requestSchema(operation, body);
    validators.set(body, { root, check: compiler.compile(root) });
  }
  return {
    parameterSchemas,
    validate(params, mediaType) {
      const chosen = validators.get(bodySchemaFor(operation, mediaType));
      if (!chosen || chosen.check(params)) return [];
      return toInvalidParams(doc, chosen.root, params, chosen.check.errors ?? []);
    },
  };
}
