// The guides of the reference site (apps/docs/guides/*.md), rendered and placed in the
// description's introduction, after its own sections: Redoc shows every `##` heading there as
// a section of the sidebar, before the operations. They are added to the copy the page is
// built from, never to the contract itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SANDBOX_FACTS } from "../../guides/sandbox-facts.js";
import { manualDifferences, newerOperations, paging, postmanExceptions } from "./generated.js";
import { assertAllFactsUsed, renderTemplate } from "./render.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */

/** The guides, in the order of the sidebar. */
export const GUIDE_FILES = Object.freeze([
  "sandbox.md",
  "check-your-instance.md",
  "coming-from-the-manual.md",
  "versions.md",
]);

export const GUIDES_DIR = new URL("../../guides/", import.meta.url).pathname;

/**
 * @param {OpenApiDocument} document
 * @param {string} [dir] where the guides and their data files are
 * @returns {string} the guides' Markdown, one after the other
 */
export function renderGuides(document, dir = GUIDES_DIR) {
  const readJson = (/** @type {string} */ file) =>
    JSON.parse(readFileSync(join(dir, file), "utf8"));
  const generated = {
    manualDifferences: manualDifferences(document),
    newerOperations: newerOperations(document, readJson("newer-operations.json").operations),
    paging: paging(document),
    postmanExceptions: postmanExceptions(readJson("postman-exceptions.json")),
  };
  const used = new Set();
  const rendered = GUIDE_FILES.map((file) =>
    renderTemplate(
      file,
      readFileSync(join(dir, file), "utf8"),
      { fact: SANDBOX_FACTS, generated },
      used,
    ).trim(),
  );
  assertAllFactsUsed(SANDBOX_FACTS, used);
  return rendered.join("\n\n");
}

/**
 * A copy of the document with the guides after its introduction.
 * @param {OpenApiDocument} document
 * @param {string} guides Markdown
 * @returns {OpenApiDocument}
 */
export function withGuides(document, guides) {
  const copy = structuredClone(document);
  copy.info = {
    ...copy.info,
    description: `${(copy.info?.description ?? "").trim()}\n\n${guides}\n`,
  };
  return copy;
}
