// The page as it would be without src/html/minify-styles.js: the built page with the renderer
// put back exactly as build-docs inlines it (the pinned @redocly/cli's redoc.standalone.js, with
// `</script` escaped and the badge logo made local). The browser test renders both and compares
// their style rules, so minifying the styles provably changes nothing a reader sees.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { locateRenderer } from "../src/html/minify-styles.js";
import { localiseAssets } from "../src/html/offline.js";

/** The renderer build-docs --inlineBundle puts into the page. */
export function originalRenderer() {
  const require = createRequire(import.meta.url);
  const file = join(
    dirname(require.resolve("@redocly/cli/package.json")),
    "lib/chunks/redoc.standalone.js",
  );
  // build-docs escapes `</script` so that the bundle cannot close its own script element.
  const inlined = readFileSync(file, "utf8").replace(/<\/(script)/gi, "<\\/$1");
  return localiseAssets(inlined).html;
}

/**
 * @param {string} html the built page
 * @returns {string} the same page with the unminified renderer
 */
export function withUnminifiedRenderer(html) {
  const { start, end } = locateRenderer(html);
  return `${html.slice(0, start)}\n      ${originalRenderer()}\n\n      ${html.slice(end)}`;
}
