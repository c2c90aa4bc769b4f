// Walks the bundled description: every operation, in document order, and local `$ref`s
// followed to their target. The bundle is the only source of operations; nothing here
// lists them by hand, so the page and its samples follow the description as it grows.

/** @typedef {Record<string, any>} OpenApiDocument A parsed OpenAPI 3.1 document (the bundle). */

/** The HTTP methods an OpenAPI path item can hold, in the order the manual lists them. */
export const HTTP_METHODS = /** @type {const} */ (["put", "post", "patch", "delete", "get"]);

/** @typedef {(typeof HTTP_METHODS)[number]} HttpMethod */

/**
 * @typedef {object} OperationEntry
 * @property {string} path the endpoint, e.g. `/incident.approval.accept`
 * @property {HttpMethod} method lower-case HTTP method
 * @property {string} operationId
 * @property {string} tag the first (and by convention only) tag
 * @property {string} summary
 * @property {Record<string, any>} operation the Operation Object itself (not a copy)
 */

/**
 * Every operation of the document, path by path in document order.
 * @param {OpenApiDocument} document
 * @returns {OperationEntry[]}
 */
export function listOperations(document) {
  /** @type {OperationEntry[]} */
  const entries = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = resolveRef(document, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (typeof operation.operationId !== "string") {
        throw new Error(
          `${method.toUpperCase()} ${path} has no operationId; samples and anchors need one`,
        );
      }
      entries.push({
        path,
        method,
        operationId: operation.operationId,
        tag: operation.tags?.[0] ?? "",
        summary: operation.summary ?? "",
        operation,
      });
    }
  }
  return entries;
}

/**
 * Follows local references (`#/components/...`) until a non-reference value is reached.
 * The bundle only holds local references; anything else is a broken bundle.
 * @param {OpenApiDocument} document
 * @param {any} value
 * @returns {any}
 */
export function resolveRef(document, value) {
  let current = value;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/"))
      throw new Error(`Only local references are expected in the bundle, got ${ref}`);
    if (seen.has(ref)) throw new Error(`Reference cycle at ${ref}`);
    seen.add(ref);
    /** @type {string[]} JSON Pointer segments, unescaped */
    const segments = ref
      .slice(2)
      .split("/")
      .map((/** @type {string} */ part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    current = segments.reduce(
      (/** @type {any} */ node, key) => (node == null ? undefined : node[key]),
      /** @type {any} */ (document),
    );
    if (current === undefined) throw new Error(`Unresolved reference ${ref}`);
  }
  return current;
}

/**
 * The first server of the description with its variables set to their defaults, e.g.
 * `https://acme.sd.cloud.invgate.net/api/v1`, plus the value of its `instance` variable.
 * @param {OpenApiDocument} document
 * @returns {{ baseUrl: string, instance: string }}
 */
export function defaultServer(document) {
  const server = document.servers?.[0];
  if (!server?.url) throw new Error("The description names no server; samples need a base URL");
  /** @type {Record<string, { default?: string }>} */
  const variables = server.variables ?? {};
  const baseUrl = server.url.replace(
    /\{([^}]+)\}/g,
    (/** @type {string} */ _, /** @type {string} */ name) => {
      const value = variables[name]?.default;
      if (value === undefined) throw new Error(`Server variable {${name}} has no default`);
      return value;
    },
  );
  const instance = variables.instance?.default ?? new URL(baseUrl).host;
  return { baseUrl: baseUrl.replace(/\/+$/, ""), instance };
}
