// Step: every request carries its operation's description as Markdown (the converter marks it
// plain text, so Postman shows the backticks), followed by the OAuth scope the call needs, and
// the collection's own description says which variables to set. An operation without a
// description is an error: the collection would be the only place a user reads about it.
import { operationIndex, requestItems } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/** What a user sets before the first call; the rest of the collection's text is the bundle's. */
export const COLLECTION_INTRO = [
  "Generated from the toolkit's OpenAPI description; every request carries the example values",
  "of the reference, in the wire format the server reads.",
  "",
  "Before the first call, set the collection variables `instance` (your host), `username` and",
  "`password` (an API user, sent with HTTP Basic). To try it without an instance, set `baseUrl`",
  "to the local mock, for example `http://127.0.0.1:4010/api/v1`.",
].join("\n");

/**
 * @param {PostmanCollection} collection
 * @param {OpenApiDocument} document
 * @returns {PostmanCollection}
 */
export function descriptions(collection, document) {
  const index = operationIndex(document);
  for (const item of requestItems(collection)) {
    const { method, path, operation } = index.operationOf(item);
    if (!operation.description) {
      throw new Error(
        `${method.toUpperCase()} ${path} has no description to put in the collection`,
      );
    }
    const scopes = oauthScopes(operation);
    const content = [
      operation.description.trim(),
      ...(scopes.length > 0
        ? [`OAuth scope: ${scopes.map((scope) => `\`${scope}\``).join(", ")}.`]
        : []),
    ].join("\n\n");
    item.request.description = { content, type: "text/markdown" };
    // The converter puts a second copy of the summary inside the request; the item's name is
    // the one Postman shows.
    delete item.request.name;
  }
  const summary = document.info?.summary ? `${document.info.summary}\n\n` : "";
  return {
    ...collection,
    info: {
      ...collection.info,
      description: {
        content: `${summary}${COLLECTION_INTRO}\n\n${document.info?.description ?? ""}`.trim(),
        type: "text/markdown",
      },
    },
  };
}

/**
 * @param {Record<string, any>} operation
 * @returns {string[]}
 */
function oauthScopes(operation) {
  return (operation.security ?? []).flatMap((/** @type {Record<string, string[]>} */ entry) =>
    Object.entries(entry).flatMap(([scheme, scopes]) => (scheme === "oauth2" ? scopes : [])),
  );
}
