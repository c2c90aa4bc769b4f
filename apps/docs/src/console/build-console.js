// Builds the console into the site: `dist/console/index.html`, `dist/console/console.js`
// (src/console bundled with the client's wire encoder, minified) and `dist/console/console.css`,
// and measures the script and styles against their budget (src/budgets.js).
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const source = dirname(fileURLToPath(import.meta.url));

/**
 * @param {string} dist the site's folder
 * @returns {Promise<{ bytes: number, gzipBytes: number, files: string[] }>} size of script and styles
 */
export async function buildConsole(dist) {
  const out = join(dist, "console");
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: {
      console: join(source, "main.js"),
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: out,
    legalComments: "none",
    logLevel: "warning",
  });
  await build({
    entryPoints: { console: join(source, "console.css") },
    bundle: true,
    minify: true,
    outdir: out,
    logLevel: "warning",
  });
  copyFileSync(join(source, "index.html"), join(out, "index.html"));
  const files = ["console.js", "console.css"].map((file) => join(out, file));
  const contents = files.map((file) => readFileSync(file));
  return {
    bytes: contents.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
    files: [...files, join(out, "index.html")],
  };
}
