// The values a code sample sends, taken from the description's own examples: each query
// parameter's `example`, and the named example of each request body media type. They all come
// from the one fictional data set of docs/example-data.md, so samples agree with each other and
// with the answers shown next to them. A value is only invented (from the schema) when the
// description has none for a required input.
import { holdsFiles } from "@sd-toolkit/openapi/file-schema";
import { resolveRef } from "../openapi/operations.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * @typedef {object} ExampleParameter
 * @property {string} name
 * @property {unknown} value
 */

/**
 * @typedef {object} ExampleBody
 * @property {string} mediaType e.g. `application/x-www-form-urlencoded`
 * @property {Record<string, unknown>} value the example fields, in the example's order
 * @property {Set<string>} fileFields fields whose values are file contents (multipart parts)
 * @property {string | undefined} exampleName the named example the value comes from
 */

export const FORM_URLENCODED = "application/x-www-form-urlencoded";
export const MULTIPART = "multipart/form-data";

/**
 * Query parameters of an operation with their example values, in description order. Optional
 * parameters without an example are left out; required ones get a value from their schema.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @returns {ExampleParameter[]}
 */
export function exampleQuery(document, operation) {
  /** @type {ExampleParameter[]} */
  const parameters = [];
  for (const raw of operation.parameters ?? []) {
    const parameter = resolveRef(document, raw);
    if (parameter.in !== "query") {
      // The API has no path or header parameters; a new kind needs new sample code, not silence.
      throw new Error(
        `${operation.operationId}: "${parameter.in}" parameter ${parameter.name} is not supported by the sample generator`,
      );
    }
    const schema = resolveRef(document, parameter.schema ?? {});
    const value = firstDefined(
      parameter.example,
      firstExampleValue(document, parameter.examples),
      schema.example,
      schema.examples?.[0],
    );
    if (value !== undefined) parameters.push({ name: parameter.name, value });
    else if (parameter.required)
      parameters.push({ name: parameter.name, value: placeholderFor(document, schema) });
  }
  return parameters;
}

/**
 * One example body per media type of the operation's request body, in description order.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @returns {ExampleBody[]}
 */
export function exampleBodies(document, operation) {
  if (!operation.requestBody) return [];
  const requestBody = resolveRef(document, operation.requestBody);
  return Object.entries(requestBody.content ?? {}).map(([mediaType, media]) => {
    const schema = resolveRef(document, media.schema ?? {});
    const named = Object.entries(media.examples ?? {})[0];
    const value = firstDefined(
      named ? resolveRef(document, named[1]).value : undefined,
      media.example,
      schema.example,
    );
    return {
      mediaType,
      value: isPlainObject(value) ? value : requiredFieldsOf(document, schema),
      fileFields: fileFieldsOf(document, schema),
      exampleName: named?.[0],
    };
  });
}

/**
 * Names of the body fields that carry file contents (the description's rule: directly, as array
 * items or as one alternative of them): curl sends them as `-F name=@file`.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} schema
 * @returns {Set<string>}
 */
export function fileFieldsOf(document, schema) {
  const resolve = (/** @type {unknown} */ node) => resolveRef(document, node);
  return new Set(
    Object.entries(propertiesOf(document, schema))
      .filter(([, property]) => holdsFiles(property, resolve))
      .map(([name]) => name),
  );
}

/**
 * Properties of an object schema, merging `allOf` parts (the description composes bodies and
 * envelopes that way).
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} schema
 * @returns {Record<string, any>}
 */
export function propertiesOf(document, schema) {
  const resolved = resolveRef(document, schema);
  /** @type {Record<string, any>} */
  let properties = { ...resolved.properties };
  for (const part of resolved.allOf ?? [])
    properties = { ...propertiesOf(document, part), ...properties };
  return properties;
}

/**
 * A made-up value that satisfies a schema, for required inputs the description gives no example
 * for: the schema's own default or example first, then its first enum value, then a neutral value.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} rawSchema
 * @returns {unknown}
 */
export function placeholderFor(document, rawSchema) {
  const schema = resolveRef(document, rawSchema);
  const known = firstDefined(
    schema.default,
    schema.example,
    schema.examples?.[0],
    schema.enum?.[0],
    schema.const,
  );
  if (known !== undefined) return known;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [placeholderFor(document, schema.items ?? {})];
    case "object":
      return requiredFieldsOf(document, schema);
    default:
      if (schema.anyOf?.[0] ?? schema.oneOf?.[0])
        return placeholderFor(document, schema.anyOf?.[0] ?? schema.oneOf[0]);
      return "value";
  }
}

/**
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} schema
 * @returns {Record<string, unknown>}
 */
function requiredFieldsOf(document, schema) {
  const properties = propertiesOf(document, schema);
  /** @type {string[]} */
  const required = [...(resolveRef(document, schema).required ?? [])];
  return Object.fromEntries(
    required.map((name) => [name, placeholderFor(document, properties[name] ?? {})]),
  );
}

/**
 * @param {OpenApiDocument} document
 * @param {Record<string, any> | undefined} examples an OpenAPI `examples` map
 */
function firstExampleValue(document, examples) {
  const first = Object.values(examples ?? {})[0];
  return first === undefined ? undefined : resolveRef(document, first).value;
}

/** @param {unknown[]} values */
function firstDefined(...values) {
  return values.find((value) => value !== undefined);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
