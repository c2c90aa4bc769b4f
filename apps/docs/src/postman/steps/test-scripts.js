// Step: a test script on every request (the converter writes none). Every request checks the
// HTTP status the description documents. Writes also check the envelope, because this server
// reports a refused write as HTTP 200 with `status: "ERROR"`: where every answer of the write
// is the envelope, its status must be "OK" (under the key the description spells, `Status` for
// internal notes); where the envelope is only one possible shape, or the answer has another
// shape (a changed record, a map of relations), the answer must not be a refusal.
import { propertiesOf } from "../../samples/example-values.js";
import { resolveRef } from "../../openapi/operations.js";
import { operationIndex, requestItems } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * What a write's script checks in the answer: `status` is "OK", or is not "ERROR".
 * @typedef {{ expect: "OK" | "not ERROR", key: string }} EnvelopeCheck
 */

/**
 * @param {PostmanCollection} collection
 * @param {OpenApiDocument} document
 * @returns {PostmanCollection}
 */
export function testScripts(collection, document) {
  const index = operationIndex(document);
  for (const item of requestItems(collection)) {
    const { method, operation } = index.operationOf(item);
    const status = successStatus(operation);
    const envelope = method === "get" ? undefined : envelopeCheck(document, operation, status);
    item.event = [
      {
        listen: "test",
        script: { type: "text/javascript", exec: testScript(status, envelope) },
      },
    ];
  }
  return collection;
}

/**
 * The 2xx status the operation documents (the first, if several).
 * @param {Record<string, any>} operation
 * @returns {number}
 */
export function successStatus(operation) {
  const code = Object.keys(operation.responses ?? {}).find((key) => /^2\d\d$/.test(key));
  if (!code) throw new Error(`${operation.operationId} documents no 2xx answer to test for`);
  return Number(code);
}

/**
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @param {number} status
 * @returns {EnvelopeCheck}
 */
export function envelopeCheck(document, operation, status) {
  const answer = resolveRef(document, operation.responses[String(status)]);
  const schema = resolveRef(document, answer.content?.["application/json"]?.schema ?? {});
  const shapes = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const keys = (shapes.length > 0 ? shapes : [schema]).map((shape) => envelopeKey(document, shape));
  const key = keys.find((candidate) => candidate !== undefined);
  if (key !== undefined && keys.every((candidate) => candidate === key))
    return { expect: "OK", key };
  return { expect: "not ERROR", key: key ?? "status" };
}

/**
 * The name of the property (`status`, or `Status` for internal notes) that can say "ERROR".
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} raw
 * @returns {string | undefined}
 */
function envelopeKey(document, raw) {
  const properties = propertiesOf(document, raw);
  return Object.keys(properties).find(
    (name) =>
      name.toLowerCase() === "status" &&
      Boolean(resolveRef(document, properties[name]).enum?.includes("ERROR")),
  );
}

/**
 * The lines of the script, for Postman's sandbox (plain ES5-style functions, `pm` API).
 * @param {number} status
 * @param {EnvelopeCheck} [envelope] left out for reads
 * @returns {string[]}
 */
export function testScript(status, envelope) {
  const lines = [
    `pm.test("answers HTTP ${status}", function () {`,
    `  pm.response.to.have.status(${status});`,
    "});",
  ];
  if (!envelope) return lines;
  const key = JSON.stringify(envelope.key);
  if (envelope.expect === "OK") {
    lines.push(
      `pm.test("the write answers ${envelope.key} OK", function () {`,
      "  var body = pm.response.json();",
      `  pm.expect(body[${key}], body.info).to.eql("OK");`,
      "});",
    );
  } else {
    lines.push(
      'pm.test("the write is not refused", function () {',
      "  var body = pm.response.json();",
      '  if (body !== null && typeof body === "object") {',
      `    pm.expect(body[${key}], body.info).to.not.eql("ERROR");`,
      "  }",
      "});",
    );
  }
  return lines;
}
