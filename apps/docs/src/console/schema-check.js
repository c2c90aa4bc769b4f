// Whether an answer matches the description: a small walker over the JSON Schema subset the
// description uses (types, enums, const, required and listed properties, additional
// properties, items, allOf/anyOf/oneOf, local $refs). It lists every difference with its JSON
// path instead of stopping at the first, so a reader sees everything the server did
// differently. A general validator (ajv) compiles schemas with `new Function`, which the
// console's content security policy forbids, and would weigh more than the whole console.
import { resolveRef } from "../openapi/operations.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * @typedef {object} Difference
 * @property {string} path e.g. `$.comments[0].created_at`
 * @property {string} message what differs
 */

/** Deeper than any answer of the API; guards against recursive schemas. */
const MAX_DEPTH = 64;

/**
 * @param {OpenApiDocument} document
 * @param {unknown} schema
 * @param {unknown} value
 * @returns {Difference[]}
 */
export function differences(document, schema, value) {
  /** @type {Difference[]} */
  const found = [];
  walk(document, schema, value, "$", found, 0);
  return found;
}

/**
 * @param {OpenApiDocument} document
 * @param {unknown} rawSchema
 * @param {unknown} value
 * @param {string} path
 * @param {Difference[]} found
 * @param {number} depth
 */
function walk(document, rawSchema, value, path, found, depth) {
  if (depth > MAX_DEPTH || rawSchema === true || rawSchema === undefined) return;
  if (rawSchema === false) {
    found.push({ path, message: "is not allowed here" });
    return;
  }
  /** @type {Record<string, any>} */
  const schema = resolveRef(document, rawSchema);
  for (const part of schema.allOf ?? []) walk(document, part, value, path, found, depth + 1);
  for (const key of /** @type {const} */ (["anyOf", "oneOf"])) {
    const alternatives = schema[key];
    if (!Array.isArray(alternatives)) continue;
    const results = alternatives.map((alternative) => {
      /** @type {Difference[]} */
      const own = [];
      walk(document, alternative, value, path, own, depth + 1);
      return own;
    });
    // Report the closest alternative's differences: the one the server most likely meant,
    // which is one of the value's own JSON type when there is one (an object missing a field is
    // not reported as "an object where false was expected").
    if (!results.some((result) => result.length === 0)) {
      const ofItsType = results.filter((_, index) =>
        fitsType(document, alternatives[index], value),
      );
      const closest = (ofItsType.length > 0 ? ofItsType : results).reduce((best, result) =>
        result.length < best.length ? result : best,
      );
      found.push(...closest);
    }
  }
  if ("const" in schema && !sameValue(schema.const, value)) {
    found.push({
      path,
      message: `is ${show(value)}, the description expects ${show(schema.const)}`,
    });
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((item) => sameValue(item, value))) {
    found.push({
      path,
      message: `is ${show(value)}, not one of ${schema.enum.map(show).join(", ")}`,
    });
  }
  const types = [schema.type ?? []].flat();
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    found.push({
      path,
      message: `is ${kindOf(value)}, the description says ${types.join(" or ")}`,
    });
    return;
  }
  if (Array.isArray(value)) {
    if (schema.items !== undefined) {
      value.forEach((item, index) =>
        walk(document, schema.items, item, `${path}[${index}]`, found, depth + 1),
      );
    }
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = /** @type {Record<string, unknown>} */ (value);
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (!(name in record))
      found.push({ path: member(path, name), message: "is missing (required)" });
  }
  for (const [name, item] of Object.entries(record)) {
    if (name in properties) {
      walk(document, properties[name], item, member(path, name), found, depth + 1);
    } else if (schema.additionalProperties !== undefined) {
      walk(document, schema.additionalProperties, item, member(path, name), found, depth + 1);
    }
  }
}

/**
 * Whether an alternative's own `type` (or `const`) admits the value's JSON type.
 * @param {Record<string, any>} document
 * @param {unknown} rawSchema
 * @param {unknown} value
 */
function fitsType(document, rawSchema, value) {
  if (typeof rawSchema !== "object" || rawSchema === null) return rawSchema !== false;
  /** @type {Record<string, any>} */
  const schema = resolveRef(document, rawSchema);
  const types = [schema.type ?? []].flat();
  if (types.length > 0 && !types.some((type) => hasType(value, type))) return false;
  if (!("const" in schema)) return true;
  const expected = schema.const;
  return (
    typeof expected === typeof value &&
    (expected === null) === (value === null) &&
    Array.isArray(expected) === Array.isArray(value)
  );
}

/**
 * @param {unknown} value
 * @param {string} type
 */
function hasType(value, type) {
  switch (type) {
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** @param {unknown} value */
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (Number.isInteger(value)) return `the integer ${value}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${show(value)}`;
}

/** @param {unknown} value */
function show(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * @param {unknown} a
 * @param {unknown} b
 */
function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `$.title`, or `$["custom fields"]` for names that are not identifiers.
 * @param {string} path
 * @param {string} name
 */
function member(path, name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/**
 * The schema the description gives for an answer with this status: the exact code, then its
 * class (`2XX`), then `default`; undefined when it describes no JSON body for it.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @param {number} status
 * @returns {{ schema: unknown, code: string } | undefined}
 */
export function answerSchema(document, operation, status) {
  const responses = operation.responses ?? {};
  for (const code of [String(status), `${String(status)[0]}XX`, "default"]) {
    if (!(code in responses)) continue;
    const response = resolveRef(document, responses[code]);
    const media = Object.entries(response.content ?? {}).find(([type]) => /json/.test(type));
    if (media) return { schema: media[1].schema ?? {}, code };
  }
  return undefined;
}
