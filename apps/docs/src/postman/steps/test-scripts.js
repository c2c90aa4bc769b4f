// Step: a test script on every request (the converter writes none): the answer has the HTTP
// status the description documents, and where the answer is the write envelope, `status` is
// "OK", because this server reports a refused write as HTTP 200 with `status: "ERROR"`.
// Where the envelope is only one of the shapes an operation may answer (a changed record, or
// the envelope on refusal), the answer must not be a refusal (`status: "ERROR"`).
import { propertiesOf } from "../../samples/example-values.js";
import { resolveRef } from "../../openapi/operations.js";
import { operationIndex, requestItems } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * How a successful answer reports a refusal: always an envelope, sometimes one, or never.
 * @typedef {"always" | "when-present" | "none"} EnvelopeCheck
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
    const envelope = method === "get" ? "none" : envelopeCheck(document, operation, status);
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
  const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (alternatives.length === 0) return isEnvelope(document, schema) ? "always" : "none";
  const envelopes = alternatives.filter((alternative) => isEnvelope(document, alternative));
  if (envelopes.length === 0) return "none";
  return envelopes.length === alternatives.length ? "always" : "when-present";
}

/**
 * An object whose `status` can be "ERROR".
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} raw
 */
function isEnvelope(document, raw) {
  const properties = propertiesOf(document, raw);
  const status = properties.status ? resolveRef(document, properties.status) : undefined;
  return Boolean(status?.enum?.includes("ERROR"));
}

/**
 * The lines of the script, for Postman's sandbox (plain ES5-style functions, `pm` API).
 * @param {number} status
 * @param {EnvelopeCheck} envelope
 * @returns {string[]}
 */
export function testScript(status, envelope) {
  const lines = [
    `pm.test("answers HTTP ${status}", function () {`,
    `  pm.response.to.have.status(${status});`,
    "});",
  ];
  if (envelope === "always") {
    lines.push(
      'pm.test("the write answers status OK", function () {',
      "  var body = pm.response.json();",
      '  pm.expect(body.status, body.info).to.eql("OK");',
      "});",
    );
  } else if (envelope === "when-present") {
    lines.push(
      'pm.test("the write is not refused", function () {',
      "  var body = pm.response.json();",
      '  if (body !== null && typeof body === "object") {',
      '    pm.expect(body.status, body.info).to.not.eql("ERROR");',
      "  }",
      "});",
    );
  }
  return lines;
}
