// The files of a multipart example, for samples that upload them from disk. The description's
// examples stand for file contents with text such as `(binary content of boot-screen.jpg)` or
// a bare file name (the files of docs/example-data.md); a sample reads that file and sends it.
import { fileNameOf } from "./curl.js";
import { TsCode } from "./typescript.js";

/** @typedef {import("./example-values.js").ExampleBody} ExampleBody */
/** @typedef {import("./typescript.js").FileUpload} FileUpload */

/** Media types by file extension, for the `type` of the uploaded file. */
const MEDIA_TYPES = /** @type {Record<string, string>} */ ({
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  xml: "application/xml",
  zip: "application/zip",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

/**
 * @param {string} fileName
 * @returns {string}
 */
export function mediaTypeOf(fileName) {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return MEDIA_TYPES[extension] ?? "application/octet-stream";
}

/**
 * The example body with every file content (a string in a file field) replaced by a variable
 * holding that file, and the files to declare. Attachment ids (numbers) stay as they are.
 * Empty `files` means the example uploads nothing.
 * @param {ExampleBody} body
 * @returns {{ value: Record<string, unknown>, files: FileUpload[] }}
 */
export function withFileUploads(body) {
  /** @type {Map<string, FileUpload>} file name → upload, so a file used twice is read once */
  const files = new Map();
  /** @param {string} field @param {unknown} item */
  const replace = (field, item) => {
    if (typeof item !== "string") return item;
    const fileName = fileNameOf(item, field);
    let file = files.get(fileName);
    if (!file) {
      file = {
        variable: variableFor(fileName, new Set([...files.values()].map((f) => f.variable))),
        fileName,
        type: mediaTypeOf(fileName),
      };
      files.set(fileName, file);
    }
    return new TsCode(file.variable);
  };
  const value = Object.fromEntries(
    Object.entries(body.value).map(([field, item]) => {
      if (!body.fileFields.has(field)) return [field, item];
      return [
        field,
        Array.isArray(item) ? item.map((entry) => replace(field, entry)) : replace(field, item),
      ];
    }),
  );
  return { value, files: [...files.values()] };
}

/** Names a sample already uses, or that would read badly as a file variable. */
const TAKEN = new Set(["sd", "data", "error", "readFile", "file", "File", "Blob"]);

/**
 * `boot-screen.jpg` → `bootScreen`: the file's base name in camel case, made unique.
 * @param {string} fileName
 * @param {Set<string>} used variables already declared
 * @returns {string}
 */
export function variableFor(fileName, used) {
  const words = fileName
    .replace(/\.[^.]+$/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let base = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join("");
  if (!/^[A-Za-z_$]/.test(base) || TAKEN.has(base))
    base = `file${base[0]?.toUpperCase() ?? ""}${base.slice(1)}`;
  let name = base;
  for (let n = 2; used.has(name) || TAKEN.has(name); n++) name = `${base}${n}`;
  return name;
}
