// Opens the console from every operation of the reference: a "Try it" link at the top of each
// operation's description, to `console/#<operationId>` next to the page. It goes into the
// Markdown the renderer prerenders, so the link is there before any script runs and needs no
// change to the renderer's markup.
import { listOperations } from "../openapi/operations.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/**
 * The console's address for an operation, relative to the reference page.
 * @param {string} operationId
 */
export function consoleHref(operationId) {
  return `console/#${encodeURIComponent(operationId)}`;
}

/**
 * A copy of the document with the link in every operation's description.
 * @param {OpenApiDocument} document
 * @returns {OpenApiDocument}
 */
export function withTryItLinks(document) {
  const copy = structuredClone(document);
  for (const { operation, operationId } of listOperations(copy)) {
    const link = `[Try it in the console](${consoleHref(operationId)})`;
    operation.description = operation.description ? `${link}\n\n${operation.description}` : link;
  }
  return copy;
}
