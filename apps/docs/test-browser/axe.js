// axe-core's WCAG 2 A and AA rules in a page, for the reference site's and the console's
// accessibility tests alike. axe-core comes from node_modules and is evaluated through the
// DevTools protocol, so a page's content security policy (the console allows no injected
// script) stays as it is.
/* global window, document -- the callback given to page.evaluate runs in the page */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * @typedef {{ id: string, help: string, nodes: Array<{ target: string[], failureSummary?: string }> }} AxeViolation
 */

/**
 * axe-core's violations of the WCAG 2 A and AA rules in `page`, one line per element.
 * @param {import("playwright-core").Page} page
 * @returns {Promise<string[]>}
 */
export async function wcagViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe =
      /** @type {{ axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }} */ (
        /** @type {unknown} */ (window)
      ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
    });
    return result.violations;
  });
  return /** @type {AxeViolation[]} */ (violations).flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} at ${node.target.join(" ")}: ${node.failureSummary ?? violation.help}`,
    ),
  );
}
