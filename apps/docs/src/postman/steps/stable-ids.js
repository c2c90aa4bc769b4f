// Step: ids derived from what they identify instead of the converter's random UUIDs, so the
// same description always builds the same file (a diff of two builds shows real changes only,
// and a re-imported collection keeps its identity in Postman).
import { createHash } from "node:crypto";
import { operationIndex, requestItems } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * A UUID-shaped id (version 5 layout) from a SHA-1 of the name.
 * @param {string} name
 */
export function stableId(name) {
  const hex = createHash("sha1").update(name).digest("hex");
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/**
 * @param {PostmanCollection} collection
 * @param {OpenApiDocument} document
 * @returns {PostmanCollection}
 */
export function stableIds(collection, document) {
  const index = operationIndex(document);
  const title = `${document.info?.title ?? ""} ${document.info?.version ?? ""}`;
  for (const folder of collection.item ?? []) {
    if (!folder.request) folder.id = stableId(`${title} folder ${folder.name}`);
  }
  for (const item of requestItems(collection)) {
    const { operationId } = index.operationOf(item);
    item.id = stableId(`${title} ${operationId}`);
    for (const [position, example] of (item.response ?? []).entries()) {
      example.id = stableId(`${title} ${operationId} ${example.code ?? ""} ${position}`);
    }
  }
  return {
    ...collection,
    info: { ...collection.info, _postman_id: stableId(title) },
  };
}
