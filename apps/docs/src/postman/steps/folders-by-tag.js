// Step: one folder per tag, in the order of the reference site's sidebar (`x-tagGroups`, then
// any tag outside a group), each holding its operations in the description's order. The
// converter orders folders by first appearance in the paths and may nest or skip them; users
// should find an operation where the reference shows it. Also checks that every operation has
// exactly one request.
import { listOperations, resolveRef } from "../../openapi/operations.js";
import { operationKey, requestItems, requestKey } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * Tags in the order the reference site shows them.
 * @param {OpenApiDocument} document
 * @returns {string[]}
 */
export function siteTagOrder(document) {
  /** @type {string[]} */
  const order = [];
  const add = (/** @type {string} */ tag) => {
    if (!order.includes(tag)) order.push(tag);
  };
  for (const group of document["x-tagGroups"] ?? []) for (const tag of group.tags ?? []) add(tag);
  for (const tag of document.tags ?? []) add(tag.name);
  for (const entry of listOperations(document)) add(entry.tag);
  return order;
}

/**
 * @param {PostmanCollection} collection
 * @param {OpenApiDocument} document
 * @returns {PostmanCollection}
 */
export function foldersByTag(collection, document) {
  /** @type {Map<string, Record<string, any>>} */
  const requests = new Map();
  for (const item of requestItems(collection)) {
    const key = requestKey(item);
    if (requests.has(key)) throw new Error(`The converter made two requests for ${key}`);
    requests.set(key, item);
  }
  const operations = listOperations(document);
  const missing = operations.map(operationKey).filter((key) => !requests.has(key));
  if (missing.length > 0)
    throw new Error(`The converter made no request for: ${missing.join(", ")}`);
  const known = new Set(operations.map(operationKey));
  const extra = [...requests.keys()].filter((key) => !known.has(key));
  if (extra.length > 0)
    throw new Error(
      `The converter made requests the description does not have: ${extra.join(", ")}`,
    );

  const tagDescriptions = new Map(
    (document.tags ?? []).map((/** @type {Record<string, any>} */ tag) => [
      tag.name,
      resolveRef(document, tag).description,
    ]),
  );
  const folders = siteTagOrder(document)
    .map((tag) => ({
      name: tag,
      ...(tagDescriptions.get(tag)
        ? { description: { content: tagDescriptions.get(tag), type: "text/markdown" } }
        : {}),
      item: operations
        .filter((entry) => entry.tag === tag)
        .map((entry) => requests.get(operationKey(entry))),
    }))
    .filter((folder) => folder.item.length > 0);
  return { ...collection, item: folders };
}
