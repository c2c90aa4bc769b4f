// TypeScript samples that use the project's client: create it with the instance and Basic auth
// from the environment, make the typed call with the description's example values, and use the
// typed result. Every sample is compiled against the client's declarations by the test suite,
// so a renamed parameter or a changed type breaks the build of the docs, not a reader's code.

/**
 * @typedef {object} TypeScriptCall
 * @property {string} method lower-case HTTP method
 * @property {string} path the endpoint, e.g. `/incident`
 * @property {string} instance host name of the instance
 * @property {Record<string, unknown> | undefined} query example query parameters, if any
 * @property {Record<string, unknown> | undefined} body example form body, if any
 * @property {{ info: boolean } | false} statusCheck whether the answer is a status envelope
 *   (HTTP 200 with `status: "ERROR"` on refusal) and whether it carries an `info` message
 */

const MAX_LINE = 100;

/**
 * @param {TypeScriptCall} call
 * @returns {string}
 */
export function typescriptSample({ method, path, instance, query, body, statusCheck }) {
  /** @type {Record<string, unknown>} */
  const init = {};
  if (query && Object.keys(query).length > 0) init.params = { query };
  if (body) init.body = body;
  const args = [
    JSON.stringify(path),
    ...(Object.keys(init).length > 0 ? [tsLiteral(init, "")] : []),
  ];

  const lines = [
    'import { createServiceDeskClient } from "@sd-toolkit/client";',
    "",
    "const sd = createServiceDeskClient({",
    `  instance: ${JSON.stringify(instance)},`,
    "  auth: { username: process.env.SD_USER!, password: process.env.SD_PASSWORD! },",
    "});",
    "",
    `const { data, error } = await sd.${method.toUpperCase()}(${args.join(", ")});`,
    "if (error) throw error;",
  ];
  if (statusCheck) {
    // Refusals of writes come back as HTTP 200, so `error` alone does not catch them.
    lines.push(
      `if (data.status === "ERROR") throw new Error(${statusCheck.info ? "data.info" : '"Refused"'});`,
    );
  }
  lines.push("console.log(data);", "");
  return lines.join("\n");
}

/**
 * Renders a JSON-like value as a TypeScript expression: on one line when it fits, otherwise
 * one member per line with trailing commas, as Prettier would.
 * @param {unknown} value
 * @param {string} indent indentation of the line the value starts on
 * @returns {string}
 */
export function tsLiteral(value, indent) {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const members = Array.isArray(value)
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${tsLiteral(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (members.length === 0) return `${open}${close}`;
  const oneLine = Array.isArray(value) ? `[${members.join(", ")}]` : `{ ${members.join(", ")} }`;
  if (!oneLine.includes("\n") && indent.length + oneLine.length <= MAX_LINE - 40) return oneLine;
  return `${open}\n${members.map((member) => `${inner}${member},`).join("\n")}\n${indent}${close}`;
}

/** @param {string} key */
function propertyKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}
