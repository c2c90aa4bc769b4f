// The Postman collection of the API: the converter's output, then each correction this API
// needs as a small named step (./steps/, one concern each, each with its unit test).
import { convertToCollection } from "./convert.js";
import { collectionAuth } from "./steps/collection-auth.js";
import { descriptions } from "./steps/descriptions.js";
import { exampleInputs } from "./steps/example-inputs.js";
import { foldersByTag } from "./steps/folders-by-tag.js";
import { responseExamples } from "./steps/response-examples.js";
import { stableIds } from "./steps/stable-ids.js";
import { testScripts } from "./steps/test-scripts.js";

/** @typedef {import("./convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/**
 * @typedef {object} Step
 * @property {string} name what the step fixes, as the build prints it
 * @property {(collection: PostmanCollection, document: OpenApiDocument) => PostmanCollection} run
 */

/** @type {readonly Step[]} In this order: later steps rely on the folders and on the inputs. */
export const POST_PROCESSING_STEPS = Object.freeze([
  { name: "folders by tag, in the reference site's order", run: foldersByTag },
  {
    name: "Basic auth {{username}}/{{password}} and the {{baseUrl}}/{{instance}} variables",
    run: collectionAuth,
  },
  { name: "query and bodies from the examples, in the wire format", run: exampleInputs },
  { name: "descriptions as Markdown, with the OAuth scope", run: descriptions },
  { name: "test scripts: HTTP status, and status OK for writes", run: testScripts },
  { name: "answer examples show the request as sent", run: responseExamples },
  { name: "stable ids", run: stableIds },
]);

/**
 * @param {OpenApiDocument} document the bundled description
 * @returns {Promise<PostmanCollection>}
 */
export async function buildCollection(document) {
  let collection = await convertToCollection(document);
  for (const step of POST_PROCESSING_STEPS) collection = step.run(collection, document);
  return collection;
}
