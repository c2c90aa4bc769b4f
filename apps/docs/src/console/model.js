// The console's view of one operation, read from the description: which inputs it takes (query
// parameters and body fields, required ones first), what kind of control each needs, and the
// value the description's example gives it. Pure functions, so the unit tests run them in Node.
import { holdsFiles } from "@sd-toolkit/openapi/file-schema";
import { listOperations, resolveRef } from "../openapi/operations.js";
import {
  exampleBodies,
  exampleQuery,
  FORM_URLENCODED,
  MULTIPART,
  propertiesOf,
} from "../samples/example-values.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("../openapi/operations.js").OperationEntry} OperationEntry */

/**
 * How an input is edited:
 * - `text`, `integer`, `number`: one text box;
 * - `boolean`: a choice of true (sent as 1) or false (0);
 * - `enum`: a choice among the described values;
 * - `list`: repeatable rows of scalars (`ids[]=1&ids[]=2`);
 * - `dictionary`: repeatable key and value rows (`key_values[k]=v`);
 * - `file`, `files`: file inputs (multipart bodies);
 * - `json`: anything more nested, typed as JSON and flattened by the wire encoder.
 * @typedef {"text" | "integer" | "number" | "boolean" | "enum" | "list" | "dictionary" | "file" | "files" | "json"} FieldKind
 */

/**
 * @typedef {object} Field
 * @property {string} name wire name
 * @property {"query" | "body"} location
 * @property {boolean} required
 * @property {FieldKind} kind
 * @property {string} type the described type, as shown beside the label (`integer[]`, `object`)
 * @property {string} description
 * @property {unknown[]} [choices] the values of an `enum` field (or of a `list` of enums)
 * @property {"text" | "integer" | "number"} [itemKind] scalar kind of list items and dictionary values
 * @property {boolean} secret the description marks it `format: password`: never kept in history
 * @property {unknown} example the example value, undefined when the description has none
 */

/**
 * @typedef {object} OperationForm
 * @property {OperationEntry} entry
 * @property {Field[]} fields required first, then the rest, each group in description order
 * @property {string[]} mediaTypes the media types the body may be sent as, none without a body
 * @property {string[]} scopes OAuth scopes of the operation
 */

/**
 * @param {OpenApiDocument} document
 * @param {string} operationId
 * @returns {OperationEntry | undefined}
 */
export function findOperation(document, operationId) {
  return listOperations(document).find((entry) => entry.operationId === operationId);
}

/**
 * @param {OpenApiDocument} document
 * @param {OperationEntry} entry
 * @returns {OperationForm}
 */
export function operationForm(document, entry) {
  const { operation } = entry;
  const queryExamples = new Map(
    exampleQuery(document, operation).map(({ name, value }) => [name, value]),
  );
  /** @type {Field[]} */
  const fields = [];
  for (const raw of operation.parameters ?? []) {
    const parameter = resolveRef(document, raw);
    fields.push(
      fieldOf(document, parameter.name, "query", parameter.required === true, {
        schema: parameter.schema ?? {},
        description: parameter.description ?? "",
        example: queryExamples.get(parameter.name),
      }),
    );
  }
  const body = chooseBody(document, operation);
  if (body) {
    const schema = resolveRef(document, body.schema);
    const required = new Set(collectRequired(document, schema));
    for (const [name, property] of Object.entries(propertiesOf(document, schema))) {
      const resolved = resolveRef(document, property);
      fields.push(
        fieldOf(document, name, "body", required.has(name), {
          schema: property,
          description: resolved.description ?? "",
          example: body.example[name],
        }),
      );
    }
  }
  return {
    entry,
    fields: [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)],
    mediaTypes: body?.mediaTypes ?? [],
    scopes: scopesOf(operation),
  };
}

/**
 * The OAuth scopes an operation names in its `security` (one per endpoint and method).
 * @param {Record<string, any>} operation
 * @returns {string[]}
 */
export function scopesOf(operation) {
  return (operation.security ?? []).flatMap(
    (/** @type {Record<string, string[]>} */ requirement) => requirement.oauth2 ?? [],
  );
}

/**
 * The body schema the console edits: the multipart one when it has file fields (so they can be
 * offered), else the form-encoded one; its example comes with it. What is sent is decided
 * from the values (sendingMediaType).
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 */
function chooseBody(document, operation) {
  if (!operation.requestBody) return undefined;
  const content = resolveRef(document, operation.requestBody).content ?? {};
  const bodies = exampleBodies(document, operation);
  const hasFiles = bodies.some((body) => body.fileFields.size > 0);
  // With file fields the console offers them, so it edits the multipart body.
  const preferred = hasFiles ? MULTIPART : FORM_URLENCODED;
  const mediaType = preferred in content ? preferred : Object.keys(content)[0];
  if (mediaType === undefined) return undefined;
  const example = bodies.find((body) => body.mediaType === mediaType)?.value ?? {};
  return { mediaTypes: Object.keys(content), schema: content[mediaType].schema ?? {}, example };
}

/**
 * The media type a body goes as, by the client's rule: form-encoded when the operation takes it
 * and no file travels, multipart otherwise.
 * @param {string[]} mediaTypes what the operation takes
 * @param {Record<string, unknown>} body the values to send
 * @returns {string}
 */
export function sendingMediaType(mediaTypes, body) {
  const holdsFile = (/** @type {unknown} */ value) =>
    value instanceof Blob || (Array.isArray(value) && value.some(holdsFile));
  const files = Object.values(body).some(holdsFile);
  return !files && mediaTypes.includes(FORM_URLENCODED) ? FORM_URLENCODED : MULTIPART;
}

/**
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} schema
 * @returns {string[]}
 */
function collectRequired(document, schema) {
  const resolved = resolveRef(document, schema);
  return [
    ...(resolved.required ?? []),
    ...(resolved.allOf ?? []).flatMap((/** @type {any} */ part) => collectRequired(document, part)),
  ];
}

/**
 * @param {OpenApiDocument} document
 * @param {string} name
 * @param {"query" | "body"} location
 * @param {boolean} required
 * @param {{ schema: unknown, description: string, example: unknown }} details
 * @returns {Field}
 */
function fieldOf(document, name, location, required, { schema, description, example }) {
  const resolve = (/** @type {unknown} */ node) => resolveRef(document, node);
  const resolved = resolve(schema);
  const base = {
    name,
    location,
    required,
    description,
    secret: resolved.format === "password",
    example: holdsFiles(schema, resolve) ? undefined : example,
  };
  const type = typeOf(resolved);
  if (holdsFiles(schema, resolve))
    return { ...base, kind: type === "array" ? "files" : "file", type: "file" };
  if (type === "array") {
    const items = resolve(resolved.items ?? {});
    const itemType = typeOf(items);
    if (Array.isArray(items.enum))
      return {
        ...base,
        kind: "list",
        type: `${itemType}[]`,
        itemKind: "text",
        choices: items.enum,
      };
    if (isScalar(itemType))
      return { ...base, kind: "list", type: `${itemType}[]`, itemKind: scalarKind(itemType) };
    return { ...base, kind: "json", type: "array" };
  }
  if (type === "object") {
    const values = resolve(resolved.additionalProperties ?? {});
    const valueType = typeOf(values);
    if (resolved.additionalProperties && !resolved.properties && isScalar(valueType)) {
      return { ...base, kind: "dictionary", type: "object", itemKind: scalarKind(valueType) };
    }
    return { ...base, kind: "json", type: "object" };
  }
  if (Array.isArray(resolved.enum)) return { ...base, kind: "enum", type, choices: resolved.enum };
  if (type === "boolean") return { ...base, kind: "boolean", type };
  return { ...base, kind: scalarKind(type), type };
}

/**
 * The schema's type, ignoring `null` in a type list; alternatives (`anyOf`/`oneOf`) count as
 * text, since every value travels as text on the wire.
 * @param {Record<string, any>} schema
 * @returns {string}
 */
function typeOf(schema) {
  const types = [schema.type ?? []].flat().filter((type) => type !== "null");
  if (types.length === 1) return types[0];
  if (Array.isArray(schema.enum)) return typeof schema.enum[0] === "number" ? "integer" : "string";
  return "string";
}

/** @param {string} type */
function isScalar(type) {
  return type === "string" || type === "integer" || type === "number" || type === "boolean";
}

/**
 * @param {string} type
 * @returns {"text" | "integer" | "number"}
 */
function scalarKind(type) {
  return type === "integer" || type === "number" ? type : "text";
}

/**
 * A typed value from what was typed into a scalar control: numbers for numeric fields when the
 * text is one (otherwise the text as it is, so that the server's refusal can be seen).
 * @param {"text" | "integer" | "number"} kind
 * @param {string} text
 * @returns {string | number}
 */
export function scalarValue(kind, text) {
  if (kind === "text") return text;
  const trimmed = text.trim();
  const number = Number(trimmed);
  const valid =
    trimmed !== "" && Number.isFinite(number) && (kind === "number" || Number.isInteger(number));
  return valid ? number : text;
}
