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
 * @property {Record<string, unknown> | undefined} body example body, if any; file contents are
 *   `TsCode` references to the variables of `files`
 * @property {{ info: boolean } | false} statusCheck whether the answer is a status envelope
 *   (HTTP 200 with `status: "ERROR"` on refusal) and whether it carries an `info` message
 * @property {FileUpload[]} [files] files the sample reads from disk before the call
 */

/**
 * A file a sample uploads: read from disk into a `File` held by a variable of the sample.
 * @typedef {object} FileUpload
 * @property {string} variable name of the variable, e.g. `bootScreen`
 * @property {string} fileName e.g. `boot-screen.jpg`
 * @property {string} type media type of the file, e.g. `image/jpeg`
 */

/**
 * A piece of TypeScript written into a sample as it is (a variable name, a call), where
 * `tsLiteral` would otherwise write a JSON value.
 */
export class TsCode {
  /** @param {string} code */
  constructor(code) {
    this.code = code;
  }
}

const MAX_LINE = 100;

/**
 * @param {TypeScriptCall} call
 * @returns {string}
 */
export function typescriptSample({ method, path, instance, query, body, statusCheck, files = [] }) {
  /** @type {Record<string, unknown>} */
  const init = {};
  if (query && Object.keys(query).length > 0) init.params = { query };
  if (body) init.body = body;
  const args = [
    JSON.stringify(path),
    ...(Object.keys(init).length > 0 ? [tsLiteral(init, "")] : []),
  ];

  const lines = [
    ...(files.length > 0 ? ['import { readFile } from "node:fs/promises";'] : []),
    'import { createServiceDeskClient } from "@sd-toolkit/client";',
    "",
    "const sd = createServiceDeskClient({",
    `  instance: ${JSON.stringify(instance)},`,
    "  auth: { username: process.env.SD_USER!, password: process.env.SD_PASSWORD! },",
    "});",
    "",
  ];
  if (files.length > 0) {
    lines.push(
      // Short lines: the sample panel of the page is narrow.
      "// A Blob in the body makes the client send multipart.",
      "// A File is a Blob with a name: the name travels too.",
      ...files.map(fileDeclaration),
      "",
    );
  }
  lines.push(
    `const { data, error } = await sd.${method.toUpperCase()}(${args.join(", ")});`,
    "if (error) throw error;",
  );
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
  if (value instanceof TsCode) return value.code;
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

/**
 * `const bootScreen = new File([await readFile("boot-screen.jpg")], "boot-screen.jpg", { ... });`
 * on one line when it fits, otherwise with the options broken out as Prettier does.
 * @param {FileUpload} file
 * @returns {string}
 */
export function fileDeclaration({ variable, fileName, type }) {
  const name = JSON.stringify(fileName);
  const head = `const ${variable} = new File([await readFile(${name})], ${name}, `;
  const options = `{ type: ${JSON.stringify(type)} }`;
  const oneLine = `${head}${options});`;
  if (oneLine.length <= MAX_LINE) return oneLine;
  return `${head}{\n  type: ${JSON.stringify(type)},\n});`;
}

/** @param {string} key */
function propertyKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}
