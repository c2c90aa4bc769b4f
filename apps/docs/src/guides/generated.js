// The parts of the guides computed from the description at build time, so that they follow
// it: the operations that note a difference from the manual, which newer operations it
// describes, the paging parameters and their defaults, and the requests of the Postman run
// that are expected not to answer 2xx.
import { listOperations, resolveRef } from "../openapi/operations.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("../openapi/operations.js").OperationEntry} OperationEntry */

/**
 * The reference page's address of an operation (Redoc: `#/<tag slug>/<operationid>`).
 * @param {OperationEntry} entry
 */
export function operationAnchor(entry) {
  const tag = entry.tag.toLowerCase().replace(/\s+/g, "-");
  return `#/${tag}/${entry.operationId.toLowerCase()}`;
}

/** @param {OperationEntry} entry */
function operationLink(entry) {
  return `[${entry.method.toUpperCase()} ${entry.path}](${operationAnchor(entry)})`;
}

/**
 * How many operations note a difference from the manual in their description, and how to find
 * them (a list of links would cost the page about 10 kB of its size budget).
 * @param {OpenApiDocument} document
 */
export function manualDifferences(document) {
  const count = listOperations(document).filter(({ operation }) =>
    /\bmanual\b/i.test(operation.description ?? ""),
  ).length;
  return (
    `${count} operations say in their description where the server departs from the manual: ` +
    "search this reference for “manual” to list them."
  );
}

/**
 * @param {OpenApiDocument} document
 * @param {Array<{ method: string, path: string, what: string }>} newer
 */
export function newerOperations(document, newer) {
  const entries = listOperations(document);
  const rows = newer.map(({ method, path, what }) => {
    const entry = entries.find(
      (candidate) => candidate.path === path && candidate.method === method.toLowerCase(),
    );
    return `| \`${method} ${path}\` | ${what} | ${entry ? operationLink(entry) : "not yet"} |`;
  });
  return ["| operation | what it does | in this reference |", "|---|---|---|", ...rows].join("\n");
}

/**
 * The paged operations (a `page_key` or a `limit` parameter), their style and page size.
 * @param {OpenApiDocument} document
 */
export function paging(document) {
  const rows = listOperations(document).flatMap((entry) => {
    /** @type {Map<string, Record<string, any>>} */
    const parameters = new Map(
      (entry.operation.parameters ?? []).map((/** @type {any} */ raw) => {
        const parameter = resolveRef(document, raw);
        return [parameter.name, parameter];
      }),
    );
    const style = parameters.has("page_key")
      ? "cursor: `page_key` → `next_page_key`"
      : parameters.has("limit") && parameters.has("offset")
        ? "offset: `limit`, `offset` → `total`"
        : parameters.has("limit")
          ? "`limit` only"
          : undefined;
    if (!style) return [];
    const limit = parameters.get("limit");
    const size = limit ? resolveRef(document, limit.schema ?? {}).default : undefined;
    return [
      `| ${operationLink(entry)} | ${style} | ${size === undefined ? "the server's (not documented)" : String(size)} |`,
    ];
  });
  return ["| operation | paging | page size by default |", "|---|---|---|", ...rows].join("\n");
}

/**
 * @param {Record<string, unknown>} exceptions per mode: `[{ request, reason }]`
 */
export function postmanExceptions(exceptions) {
  return Object.entries(exceptions)
    .filter(([mode]) => !mode.startsWith("$"))
    .map(([mode, list]) => {
      const entries =
        /** @type {Array<{ request: string, reason: string, kind?: "status" | "refused" }>} */ (
          list
        );
      if (entries.length === 0)
        return `Against the ${mode} mode, every request answers 2xx and passes its checks.`;
      const notOk = entries.filter(({ kind }) => (kind ?? "status") === "status");
      const refused = entries.filter(({ kind }) => kind === "refused");
      const lines = (/** @type {typeof entries} */ group) =>
        group.map(({ request, reason }) => `- \`${request}\`: ${reason}`);
      return [
        ...(notOk.length > 0
          ? [
              `Against the ${mode} mode, these requests are expected not to answer 2xx:`,
              "",
              ...lines(notOk),
            ]
          : [`Against the ${mode} mode, every request answers 2xx.`]),
        ...(refused.length > 0
          ? [
              "",
              `These answer 2xx, but their write is refused (\`status: "ERROR"\`) because of a ` +
                "request that ran before them in the collection's order:",
              "",
              ...lines(refused),
            ]
          : []),
      ].join("\n");
    })
    .join("\n\n");
}
