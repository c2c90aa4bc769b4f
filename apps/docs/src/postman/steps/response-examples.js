// Step: the saved answer examples of each request show the request as the collection sends it.
// The converter builds each example's `originalRequest` on its own, with faked values and
// without the wire format, so an example would show another call than the one above it.
import { requestItems } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */

/**
 * @param {PostmanCollection} collection
 * @returns {PostmanCollection}
 */
export function responseExamples(collection) {
  for (const item of requestItems(collection)) {
    const { method, header, url, body } = item.request;
    for (const example of item.response ?? []) {
      example.originalRequest = structuredClone({
        method,
        header,
        url,
        ...(body ? { body } : {}),
      });
    }
  }
  return collection;
}
