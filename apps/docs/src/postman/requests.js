// Finds the operation of the description behind each request of a collection. The converter
// keeps no operationId, so a request is matched by its method and endpoint, which are unique
// in the description (one operation per method and path).
import { listOperations } from "../openapi/operations.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("../openapi/operations.js").OperationEntry} OperationEntry */
/** @typedef {Record<string, any>} PostmanItem A request item or a folder of a collection. */

/**
 * Every request item of a collection or folder, depth first, in order.
 * @param {{ item?: PostmanItem[] }} container
 * @returns {PostmanItem[]}
 */
export function requestItems(container) {
  return (container.item ?? []).flatMap((item) => (item.request ? [item] : requestItems(item)));
}

/**
 * `GET /incident` for a request item, from its method and URL path (the base URL variable is
 * the host part, the endpoint the path).
 * @param {PostmanItem} item
 */
export function requestKey(item) {
  const { method, url } = item.request;
  const path = Array.isArray(url?.path) ? url.path.join("/") : String(url?.path ?? "");
  return `${String(method).toUpperCase()} /${path}`;
}

/** @param {OperationEntry} entry */
export function operationKey(entry) {
  return `${entry.method.toUpperCase()} ${entry.path}`;
}

/**
 * Looks operations up by request; a request no operation explains is a converter bug.
 * @param {OpenApiDocument} document
 */
export function operationIndex(document) {
  const byKey = new Map(listOperations(document).map((entry) => [operationKey(entry), entry]));
  return {
    /**
     * @param {PostmanItem} item
     * @returns {OperationEntry}
     */
    operationOf(item) {
      const entry = byKey.get(requestKey(item));
      if (!entry) {
        throw new Error(
          `The converter made a request "${item.name}" (${requestKey(item)}) that matches no operation of the description`,
        );
      }
      return entry;
    },
  };
}
