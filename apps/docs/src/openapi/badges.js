// Turns the description's source mark into what a reader sees: every operation that only the
// vendor's current reference documents (`x-sd-source: current-docs`, see openapi/README.md)
// gets a Redoc badge, "Newer than the manual", next to its title and in the sidebar. The badge
// is derived here, at build time, so the YAML carries one mark and cannot disagree with the page.
import { listOperations } from "./operations.js";

/** @typedef {import("./operations.js").OpenApiDocument} OpenApiDocument */

/** The extension and value that mark facts taken from the current reference. */
export const SOURCE_KEY = "x-sd-source";
export const CURRENT_DOCS = "current-docs";

/** The badge Redoc shows (`x-badges` on an Operation Object). */
export const NEWER_THAN_MANUAL = Object.freeze({
  name: "Newer than the manual",
  // Light enough for the renderer's dark badge text (#3b3c45, contrast about 8:1, WCAG AA),
  // and unlike its method colours.
  color: "#e4d9f2",
  position: "after",
});

/**
 * Adds the badge to every marked operation of the document, in place, after any badge the
 * operation already has; returns how many operations got it. Unmarked operations are untouched.
 * @param {OpenApiDocument} document a copy of the bundle (never the downloadable one)
 * @returns {number}
 */
export function addSourceBadges(document) {
  let badged = 0;
  for (const { path, method, operation } of listOperations(document)) {
    const mark = operation[SOURCE_KEY];
    if (mark === undefined) continue;
    if (mark !== CURRENT_DOCS) {
      throw new Error(
        `${method.toUpperCase()} ${path} has ${SOURCE_KEY}: ${JSON.stringify(mark)}; the only value is "${CURRENT_DOCS}"`,
      );
    }
    operation["x-badges"] = [...(operation["x-badges"] ?? []), { ...NEWER_THAN_MANUAL }];
    badged += 1;
  }
  return badged;
}
