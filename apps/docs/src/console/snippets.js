// The call the console just sent, written as curl and as TypeScript with the toolkit's client,
// so a reader can take it into a script. Built from what was sent (the values after the form was
// read, the base URL, the kind of credentials), never with the secrets themselves: those come
// from environment variables, as in the reference's own samples.
import { toWirePairs } from "@sd-toolkit/client/wire";
import { shellQuote } from "../samples/curl.js";
import { fileDeclaration, TsCode, tsLiteral } from "../samples/typescript.js";
import { mediaTypeOf } from "../samples/uploads.js";

/** @typedef {import("./wire-request.js").Call} Call */
/** @typedef {{ call: Call, auth: "basic" | "oauth", scopes: string[] }} SentCall */

/**
 * @param {SentCall} sent
 * @returns {string}
 */
export function curlFor({ call, auth }) {
  const { method, baseUrl, path, query, body } = call;
  const queryPairs = toWirePairs(query);
  const url = `${baseUrl}${path}`;
  const head = ["curl"];
  /** @type {string[]} */
  const options = [
    auth === "basic" ? '-u "$SD_USER:$SD_PASSWORD"' : '-H "Authorization: Bearer $SD_TOKEN"',
  ];
  if (body === undefined) {
    if (method !== "GET") head.push(`-X ${method}`);
    if (queryPairs.length > 0) head.push("--get");
    head.push(shellQuote(url));
    for (const [name, value] of queryPairs)
      options.push(`--data-urlencode ${shellQuote(`${name}=${textOf(value)}`)}`);
  } else {
    const search = new URLSearchParams(/** @type {string[][]} */ (queryPairs)).toString();
    const bodyPairs = toWirePairs(body);
    const multipart = call.mediaType === "multipart/form-data" || bodyPairs.some(isFile);
    if (method !== "POST" || bodyPairs.length === 0) head.push(`-X ${method}`);
    head.push(shellQuote(search ? `${url}?${search}` : url));
    for (const [name, value] of bodyPairs) {
      if (!multipart) options.push(`--data-urlencode ${shellQuote(`${name}=${textOf(value)}`)}`);
      else if (value instanceof Blob)
        options.push(`-F ${shellQuote(`${name}=@${fileName(value)}`)}`);
      else options.push(`--form-string ${shellQuote(`${name}=${value}`)}`);
    }
  }
  return `${[head.join(" "), ...options].join(" \\\n  ")}\n`;
}

/**
 * @param {SentCall} sent
 * @returns {string}
 */
export function typescriptFor({ call, auth, scopes }) {
  const { method, baseUrl, path, query, body } = call;
  /** @type {string[]} */
  const fileLines = [];
  const withFiles = body === undefined ? undefined : replaceFiles(body, fileLines);
  /** @type {Record<string, unknown>} */
  const init = {};
  if (Object.keys(query).length > 0) init.params = { query };
  if (withFiles !== undefined) init.body = withFiles;
  const args = [
    JSON.stringify(path),
    ...(Object.keys(init).length > 0 ? [tsLiteral(init, "")] : []),
  ];
  const authLine =
    auth === "basic"
      ? "  auth: { username: process.env.SD_USER!, password: process.env.SD_PASSWORD! },"
      : `  auth: {\n    clientId: process.env.SD_CLIENT_ID!,\n    clientSecret: process.env.SD_CLIENT_SECRET!,\n    scopes: ${tsLiteral(scopes, "    ")},\n  },`;
  return [
    ...(fileLines.length > 0 ? ['import { readFile } from "node:fs/promises";'] : []),
    'import { createServiceDeskClient } from "@sd-toolkit/client";',
    "",
    "const sd = createServiceDeskClient({",
    `  baseUrl: ${JSON.stringify(baseUrl)},`,
    authLine,
    "});",
    "",
    ...fileLines,
    ...(fileLines.length > 0 ? [""] : []),
    `const { data, error } = await sd.${method}(${args.join(", ")});`,
    "if (error) throw error;",
    "console.log(data);",
    "",
  ].join("\n");
}

/**
 * The body with each file replaced by a variable read from disk, declared in `lines`.
 * @param {Record<string, unknown>} body
 * @param {string[]} lines
 */
function replaceFiles(body, lines) {
  /** @param {unknown} value @returns {unknown} */
  const replace = (value) => {
    if (value instanceof Blob) {
      const variable = `file${lines.length + 1}`;
      const name = fileName(value);
      lines.push(
        fileDeclaration({ variable, fileName: name, type: value.type || mediaTypeOf(name) }),
      );
      return new TsCode(variable);
    }
    if (Array.isArray(value)) return value.map(replace);
    return value;
  };
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, replace(value)]));
}

/** @param {[string, string | Blob]} pair */
function isFile([, value]) {
  return value instanceof Blob;
}

/** @param {Blob} blob */
function fileName(blob) {
  return blob instanceof File && blob.name ? blob.name : "file.bin";
}

/** @param {string | Blob} value */
function textOf(value) {
  return typeof value === "string" ? value : `@${fileName(value)}`;
}
