// Step: the query and body of every request rebuilt from the description's examples, in the
// wire format the real server reads (docs/wire.md#encoding-phps-rules): arrays as `ids[]=`,
// dictionaries as `key_values[key]=`, booleans as `1`/`0`. The converter sends arrays as a bare repeated name
// (PHP keeps only the last one), booleans as `true`/`false`, and fakes values (`"string"`,
// random ids) where the examples are named examples of the body. Where the body accepts files
// (multipart with `format: binary` fields), the request is multipart and each file part is
// there, disabled, for the user to pick a file; the text fields are sent. Query values with `+`
// or `%` are stored percent-encoded, since Postman would send them as typed.
import { resolveRef } from "../../openapi/operations.js";
import {
  exampleBodies,
  exampleQuery,
  FORM_URLENCODED,
  MULTIPART,
  propertiesOf,
} from "../../samples/example-values.js";
import { fileNameOf } from "../../samples/curl.js";
import { operationIndex, requestItems } from "../requests.js";
import { toWirePairs } from "../wire.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("../../samples/example-values.js").ExampleBody} ExampleBody */
/** @typedef {{ key: string, value?: string, description?: string, type?: string, src?: unknown[], disabled?: boolean }} Field */

/**
 * @param {PostmanCollection} collection
 * @param {OpenApiDocument} document
 * @returns {PostmanCollection}
 */
export function exampleInputs(collection, document) {
  const index = operationIndex(document);
  for (const item of requestItems(collection)) {
    const { path, operation } = index.operationOf(item);
    const request = item.request;
    const query = queryFields(document, operation);
    request.url = requestUrl(path, query);
    const body = bodyOf(document, operation);
    request.header = (request.header ?? []).filter(
      (/** @type {Field} */ header) => header.key.toLowerCase() !== "content-type",
    );
    if (body) {
      request.body = body;
      // Postman writes the multipart boundary itself; a fixed Content-Type would lose it.
      if (body.mode === "urlencoded")
        request.header.unshift({ key: "Content-Type", value: FORM_URLENCODED });
    } else {
      delete request.body;
    }
  }
  return collection;
}

/**
 * @param {string} path the endpoint, `/incident`
 * @param {Field[]} query
 */
export function requestUrl(path, query) {
  const search = query.map(({ key, value }) => `${key}=${value}`).join("&");
  return {
    raw: `{{baseUrl}}${path}${search ? `?${search}` : ""}`,
    host: ["{{baseUrl}}"],
    path: [path.replace(/^\//, "")],
    ...(query.length > 0 ? { query } : {}),
  };
}

/**
 * The query string fields of the operation's example, one per wire pair.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @returns {Field[]}
 */
export function queryFields(document, operation) {
  /** @type {Map<string, { description?: string, required?: boolean }>} */
  const parameters = new Map(
    (operation.parameters ?? []).map((/** @type {any} */ raw) => {
      const parameter = resolveRef(document, raw);
      return [parameter.name, parameter];
    }),
  );
  return exampleQuery(document, operation).flatMap(({ name, value }) => {
    const parameter = parameters.get(name);
    const description = describe(parameter?.description, parameter?.required === true);
    return toWirePairs(name, value).map(([key, text]) => ({
      key,
      value: queryValue(text),
      ...(description ? { description } : {}),
    }));
  });
}

/**
 * A query value as Postman must hold it to send it intact. Postman sends `+` and `%` in the
 * query as they are typed, and PHP reads a `+` as a space (`+31 10 555 0187` would arrive as
 * ` 31 10 555 0187`) and a lone `%` as the start of an escape; both are written percent-encoded.
 * Spaces, `&` and `#` Postman encodes itself.
 * @param {string} text
 */
export function queryValue(text) {
  return text.replace(/%/g, "%25").replace(/\+/g, "%2B");
}

/**
 * The body a Postman user starts from: multipart where the operation takes files, otherwise
 * the URL-encoded form; undefined when the operation has no body.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 */
export function bodyOf(document, operation) {
  const bodies = exampleBodies(document, operation);
  if (bodies.length === 0) return undefined;
  const multipart = bodies.find((body) => body.mediaType === MULTIPART && body.fileFields.size > 0);
  const chosen =
    multipart ?? bodies.find((body) => body.mediaType === FORM_URLENCODED) ?? bodies[0];
  if (!chosen) return undefined;
  const fields = bodyFields(document, operation, chosen);
  return chosen.mediaType === MULTIPART
    ? { mode: "formdata", formdata: fields }
    : { mode: "urlencoded", urlencoded: fields };
}

/**
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @param {ExampleBody} body
 * @returns {Field[]}
 */
function bodyFields(document, operation, body) {
  const requestBody = resolveRef(document, operation.requestBody);
  const schema = resolveRef(document, requestBody.content[body.mediaType].schema ?? {});
  const properties = propertiesOf(document, schema);
  const required = requiredNames(document, schema);
  const multipart = body.mediaType === MULTIPART;
  return Object.entries(body.value).flatMap(([name, value]) => {
    const description = describe(
      resolveRef(document, properties[name] ?? {}).description,
      required.has(name),
    );
    const items = Array.isArray(value) ? value : [value];
    return toWirePairs(name, value).map(([key, text], position) => {
      // A file field's example holds file contents (text standing for a file) or attachment
      // ids (numbers); only the contents become file parts.
      const isFile = multipart && body.fileFields.has(name) && typeof items[position] === "string";
      /** @type {Field} */
      const field = isFile
        ? { key, type: "file", src: [], disabled: true }
        : { key, value: text, ...(multipart ? { type: "text" } : {}) };
      if (isFile) {
        field.description = `${description ? `${description} ` : ""}Enable this part and choose a file, such as ${fileNameOf(text, name)}.`;
      } else if (description) field.description = description;
      return field;
    });
  });
}

/**
 * Names a schema requires, `allOf` parts included.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} raw
 * @returns {Set<string>}
 */
function requiredNames(document, raw) {
  const schema = resolveRef(document, raw);
  return new Set([
    ...(schema.required ?? []),
    ...(schema.allOf ?? []).flatMap((/** @type {any} */ part) => [
      ...requiredNames(document, part),
    ]),
  ]);
}

/**
 * @param {string | undefined} description
 * @param {boolean} required
 */
function describe(description, required) {
  if (!description) return required ? "Required." : undefined;
  return required ? `Required. ${description}` : description;
}
