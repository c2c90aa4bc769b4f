// What counts as a file in the description, written once for every build-time reader: the types
// generator (a file becomes `Blob`), the docs samples (curl `-F name=@file`) and the mock's
// contract tests (which parts to send as files). A file is a string schema whose content is
// bytes: OpenAPI 3.0's `format: binary`, or 3.1's `contentMediaType`.

/**
 * True when this schema node itself describes the bytes of a file.
 * @param {unknown} schema
 * @returns {boolean}
 */
export function isFileSchema(schema) {
  if (schema === null || typeof schema !== "object") return false;
  const { type, format, contentMediaType } = /** @type {Record<string, unknown>} */ (schema);
  const stringy = type === undefined || type === "string";
  return stringy && (format === "binary" || typeof contentMediaType === "string");
}

/**
 * True when a property's schema holds files: it is one, or its array items or one of its
 * `anyOf`/`oneOf` alternatives hold files (a list may mix attachment ids and new files).
 * @param {unknown} schema
 * @param {(schema: unknown) => unknown} [resolve] follows a `$ref` (the bundle keeps them)
 * @returns {boolean}
 */
export function holdsFiles(schema, resolve = (node) => node) {
  const seen = new Set();
  /** @param {unknown} node @returns {boolean} */
  const walk = (node) => {
    const resolved = resolve(node);
    // A recursive schema must not loop for ever.
    if (resolved === null || typeof resolved !== "object" || seen.has(resolved)) return false;
    seen.add(resolved);
    if (isFileSchema(resolved)) return true;
    const { items, anyOf, oneOf } = /** @type {Record<string, unknown>} */ (resolved);
    const parts = [
      items,
      ...(Array.isArray(anyOf) ? anyOf : []),
      ...(Array.isArray(oneOf) ? oneOf : []),
    ];
    return parts.some((part) => part !== undefined && walk(part));
  };
  return walk(schema);
}
