// Runs Postman's own converter (openapi-to-postmanv2, interface v2) on the bundle. Its output is
// the starting point only: the steps in ./steps/ correct what it gets wrong for this API.
import { createRequire } from "node:module";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {Record<string, any>} PostmanCollection A Postman collection (format v2.1). */

/**
 * The converter's options. Tags make the folders (reordered later); requests inherit the
 * collection's auth instead of repeating it; optional parameters are included, since the
 * examples set them on purpose.
 */
export const CONVERTER_OPTIONS = Object.freeze({
  folderStrategy: "Tags",
  parametersResolution: "Example",
  alwaysInheritAuthentication: true,
  includeAuthInfoInExample: false,
  enableOptionalParameters: true,
  requestNameSource: "Fallback",
});

/**
 * @param {OpenApiDocument} document the bundled description
 * @returns {Promise<PostmanCollection>}
 */
export function convertToCollection(document) {
  // The converter is CommonJS with a callback API.
  const require = createRequire(import.meta.url);
  /** @type {typeof import("openapi-to-postmanv2")} */
  const converter = require("openapi-to-postmanv2");
  return new Promise((resolve, reject) => {
    converter.convertV2(
      // A copy: the converter dereferences and annotates what it is given.
      { type: "json", data: structuredClone(document) },
      { ...CONVERTER_OPTIONS },
      (error, result) => {
        if (error) reject(new Error(`openapi-to-postmanv2 failed: ${error.message}`));
        else if (!result?.result || !result.output?.[0])
          reject(new Error(`openapi-to-postmanv2 refused the bundle: ${result?.reason}`));
        else resolve(result.output[0].data);
      },
    );
  });
}
