// @ts-check
// Builds the compact runtime manifest of the client from the bundled description. The client
// needs a few facts about operations at runtime (which media types a write body may use, which
// GET operations are paged, how, and where their items are); shipping the whole bundle would blow
// the size budget, so only these facts are extracted here, at build time.

/** Answer fields that belong to the envelope of a page, never to its items. */
const ENVELOPE = new Set([
  "status",
  "Status",
  "info",
  "error",
  "next_page_key",
  "limit",
  "offset",
  "total",
  "page",
  "page_size",
  "metadata",
]);

/** One letter per request media type the client can send, in the order the description lists them. */
const MEDIA = {
  "application/x-www-form-urlencoded": "f",
  "multipart/form-data": "m",
};

const METHODS = ["get", "put", "post", "patch", "delete"];

/**
 * @typedef {{ [key: string]: any }} Node
 * @typedef {["c" | "o", string] | ["p", string, number]} PageRule how a GET operation pages
 *   (cursor, offset or page number: one letter, as every byte of the table is shipped), the
 *   answer field holding its items ("" = the answer itself) and, for page-number paging, the page
 *   size the server uses when `page_size` is left out
 * @typedef {{ bodies: Record<string, string>, pages: Record<string, PageRule> }} Manifest
 */

/**
 * @param {Node} doc the bundled OpenAPI document (internal `#/...` references only)
 * @returns {Manifest}
 */
export function buildManifest(doc) {
  /** @param {Node | undefined} node */
  const deref = (node) => {
    const seen = new Set();
    while (node && typeof node.$ref === "string") {
      if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
      seen.add(node.$ref);
      if (!node.$ref.startsWith("#/")) throw new Error(`external $ref ${node.$ref} in the bundle`);
      node = node.$ref
        .slice(2)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((at, key) => at?.[key], doc);
    }
    return node;
  };

  /**
   * Properties of an object schema, merged over `allOf` parts and over the `oneOf`/`anyOf`
   * alternatives (an answer may be "an envelope, or the bare array the manual shows").
   * @param {Node | undefined} schema @returns {Record<string, Node>}
   */
  const propertiesOf = (schema) => {
    const resolved = deref(schema);
    if (!resolved) return {};
    const merged = { ...(resolved.properties ?? {}) };
    for (const part of [
      ...(resolved.allOf ?? []),
      ...(resolved.oneOf ?? []),
      ...(resolved.anyOf ?? []),
    ]) {
      Object.assign(merged, propertiesOf(part));
    }
    return merged;
  };

  /** True when a value of this schema is a list of items: an array or an id-keyed map. @param {Node | undefined} schema @returns {boolean} */
  const isCollection = (schema) => {
    const s = deref(schema);
    if (!s) return false;
    const types = [s.type].flat();
    if (types.includes("array")) return true;
    if (types.includes("object") && s.additionalProperties && !s.properties) return true;
    return [...(s.oneOf ?? []), ...(s.anyOf ?? [])].some(isCollection);
  };

  /** @type {Manifest} */
  const manifest = { bodies: {}, pages: {} };
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(rawItem) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;

      const content = deref(op.requestBody)?.content;
      if (content) {
        const letters = Object.keys(content)
          .map((type) => MEDIA[/** @type {keyof typeof MEDIA} */ (type)] ?? "")
          .join("");
        if (!letters) {
          throw new Error(
            `${method.toUpperCase()} ${path} takes ${Object.keys(content).join(", ")}; the client sends form or multipart bodies only`,
          );
        }
        // The client sends a form unless a file is present, so only the operations that cannot
        // take a form at all change its choice: only they are recorded (every byte of the
        // manifest is shipped in the bundle).
        if (!letters.includes("f")) manifest.bodies[`${method.toUpperCase()} ${path}`] = letters;
      }

      if (method !== "get") continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
      const param = (/** @type {string} */ name) =>
        params.find((p) => p?.name === name && p?.in === "query");
      const has = (/** @type {string} */ name) => param(name) !== undefined;
      const answer = deref(op.responses?.["200"])?.content?.["application/json"]?.schema;
      const fields = propertiesOf(answer);
      /** @type {"cursor" | "offset" | "page" | undefined} */
      let kind;
      // Page numbers win over an offset where an operation describes both (GET /kb.articles):
      // production pages that list by page (docs/wire.md#production-notes), the offset is the
      // manual's older claim.
      if (has("page_key") && "next_page_key" in fields) kind = "cursor";
      else if (has("page") && has("page_size")) kind = "page";
      else if (has("offset")) kind = "offset";
      if (!kind) continue;

      let at;
      if (isCollection(answer) && Object.keys(fields).length === 0) at = "";
      else {
        const candidates = Object.keys(fields).filter(
          (name) => !ENVELOPE.has(name) && isCollection(fields[name]),
        );
        if (candidates.length !== 1) {
          throw new Error(
            `GET ${path} is ${kind}-paged but its 200 answer has ${candidates.length} item collections ` +
              `(${candidates.join(", ") || "none"}); the client needs exactly one array or id-keyed map`,
          );
        }
        at = /** @type {string} */ (candidates[0]);
      }
      if (kind === "page") {
        // Page-number answers carry no total and no cursor: a page shorter than the page size is
        // the last one, so the walk must know the size the server applies by default.
        const size = deref(param("page_size")?.schema)?.default;
        if (!Number.isInteger(size) || size < 1) {
          throw new Error(
            `GET ${path} pages with page and page_size, but page_size has no default; ` +
              "the client needs the server's default page size to recognise the last page",
          );
        }
        manifest.pages[path] = ["p", at, size];
      } else manifest.pages[path] = [kind === "cursor" ? "c" : "o", at];
    }
  }
  return manifest;
}

/**
 * Renders the manifest as a TypeScript module; `as const` keeps the page table literal so that
 * the types of `paginate()` can be derived from it.
 * @param {Manifest} manifest
 * @param {string} version
 */
export function renderManifest(manifest, version) {
  const sorted = (/** @type {Record<string, unknown>} */ o) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return [
    "// Generated by scripts/generate-manifest.mjs from openapi/dist/openapi.json. Do not edit.",
    "",
    "/** Version of the package, sent in the User-Agent header. */",
    `export const version = ${JSON.stringify(version)};`,
    "",
    "/** Write operations whose body cannot be form-encoded, with their media types (m multipart). */",
    `export const bodies: Record<string, string> = ${JSON.stringify(sorted(manifest.bodies))};`,
    "",
    '/** Paged GET operations: how they page (c cursor, o offset, p page number), the answer field holding the items ("" = the answer), and for page-number paging the default page size. */',
    `export const pages = ${JSON.stringify(sorted(manifest.pages))} as const;`,
    "",
  ].join("\n");
}
