// curl samples that show the real wire format: Basic auth from the environment (never a
// literal secret), query parameters with `--get --data-urlencode` for GET and DELETE, a
// URL-encoded form for writes, and `-F` parts when files travel.
import { toWirePairs } from "@sd-toolkit/client/wire";
import { MULTIPART } from "./example-values.js";

/** @typedef {import("./example-values.js").ExampleParameter} ExampleParameter */
/** @typedef {import("./example-values.js").ExampleBody} ExampleBody */

/**
 * @typedef {object} CurlCall
 * @property {string} method lower-case HTTP method
 * @property {string} url absolute URL of the endpoint
 * @property {ExampleParameter[]} query
 * @property {ExampleBody} [body]
 */

/**
 * The wire pairs of one parameter, by the client's own encoder (`ids[]=1`, `key_values[k]=v`,
 * booleans as 1/0), so that a curl sample sends exactly what the client would. Examples hold no
 * Blob, so every value is text.
 * @param {string} name
 * @param {unknown} value
 * @returns {Array<[string, string]>}
 */
const wirePairs = (name, value) =>
  /** @type {Array<[string, string]>} */ (toWirePairs({ [name]: value }));

/**
 * @param {CurlCall} call
 * @returns {string}
 */
export function curlSample({ method, url, query, body }) {
  const verb = method.toUpperCase();
  const reads = verb === "GET" || verb === "DELETE";
  const queryPairs = query.flatMap(({ name, value }) => wirePairs(name, value));
  const fields = !reads && body ? bodyOptions(body) : [];
  /** @type {string[]} words of the first line: curl, the method flags, the URL */
  const head = ["curl"];
  // POST is implied by a form body; every other method (and an empty POST) is named.
  if (verb !== "GET" && (verb !== "POST" || fields.length === 0)) head.push(`-X ${verb}`);
  // `--get` appends the data to the URL; with `-X DELETE` it only changes the method.
  if (reads && queryPairs.length > 0) head.push("--get");
  head.push(shellQuote(url));

  const options = [
    '-u "$SD_USER:$SD_PASSWORD"',
    ...(reads
      ? queryPairs.map(([name, value]) => `--data-urlencode ${shellQuote(`${name}=${value}`)}`)
      : fields),
  ];
  return `${[head.join(" "), ...options].join(" \\\n  ")}\n`;
}

/**
 * Form fields of a write: `--data-urlencode` for a URL-encoded body; for multipart, `-F` file
 * parts and `--form-string` text parts (plain `-F` would read a value starting with `<` or `@`
 * as a file name).
 * @param {ExampleBody} body
 * @returns {string[]}
 */
function bodyOptions(body) {
  const multipart = body.mediaType === MULTIPART;
  return Object.entries(body.value).flatMap(([name, value]) =>
    wirePairs(name, value).map(([field, text], index) => {
      if (!multipart) return `--data-urlencode ${shellQuote(`${field}=${text}`)}`;
      if (body.fileFields.has(name) && isFileExample(value, index)) {
        return `-F ${shellQuote(`${field}=@${fileNameOf(text, name)}`)}`;
      }
      return `--form-string ${shellQuote(`${field}=${text}`)}`;
    }),
  );
}

/**
 * A file field's example may hold attachment ids (numbers) next to file contents (strings).
 * @param {unknown} value the example value of the field
 * @param {number} index which pair of the field is asked about
 */
function isFileExample(value, index) {
  const item = Array.isArray(value) ? value[index] : value;
  return typeof item === "string";
}

/**
 * The examples stand for file contents with text such as `(contents of bios-recovery.pdf)` or a
 * bare file name; curl needs a file name to read.
 * @param {string} text
 * @param {string} field
 */
export function fileNameOf(text, field) {
  return /[\w.-]+\.[A-Za-z0-9]{1,5}\b/.exec(text)?.[0] ?? `${field}.bin`;
}

/**
 * Single-quotes a word for POSIX shells; nothing inside is expanded.
 * @param {string} word
 */
export function shellQuote(word) {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
