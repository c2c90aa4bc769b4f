#!/usr/bin/env node
// Builds the reference site into dist/:
//   1. copies the bundle (openapi.json and openapi.yaml) next to the page, untouched, for download;
//   2. adds the guides (guides/*.md, src/guides), generated code samples and a "Newer than the
//      manual" badge (on the operations only the vendor's current reference documents) to a
//      temporary copy of the bundle;
//   3. renders that copy with `redocly build-docs --inlineBundle` (the renderer inside the page,
//      not loaded from a CDN) and our page template;
//   4. makes the page self-contained (src/html/offline.js) and checks it;
//   5. prints the budgets, and fails when the page is over its size budget;
//   6. generates the Postman collection (src/postman) into dist/postman.json;
//   7. builds the console (src/console) into dist/console/, opened from every operation's
//      "Try it" link, and fails when its script and styles are over their budget.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  assertConsoleSize,
  assertPageSize,
  consoleSizeReport,
  pageSizeReport,
} from "../src/budgets.js";
import { buildConsole } from "../src/console/build-console.js";
import { withTryItLinks } from "../src/console/try-it-links.js";
import { addSourceBadges } from "../src/openapi/badges.js";
import { assertTelemetryOff, localiseAssets, outsideAssetReferences } from "../src/html/offline.js";
import { renderGuides, withGuides } from "../src/guides/guides.js";
import { listOperations } from "../src/openapi/operations.js";
import { buildCollection, POST_PROCESSING_STEPS } from "../src/postman/build-collection.js";
import { requestItems } from "../src/postman/requests.js";
import { withCodeSamples } from "../src/samples/code-samples.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bundleDir = resolve(root, "../../openapi/dist");
const dist = join(root, "dist");
const page = join(dist, "index.html");

if (!existsSync(join(bundleDir, "openapi.json"))) {
  throw new Error(`No bundle at ${bundleDir}: run \`npm run bundle -w @sd-toolkit/openapi\` first`);
}
const bundle = JSON.parse(readFileSync(join(bundleDir, "openapi.json"), "utf8"));
const operations = listOperations(bundle);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const file of ["openapi.json", "openapi.yaml"])
  copyFileSync(join(bundleDir, file), join(dist, file));

const withSamples = withCodeSamples(withGuides(bundle, renderGuides(bundle)));
const badged = addSourceBadges(withSamples);
const work = mkdtempSync(join(tmpdir(), "sd-docs-"));
try {
  const input = join(work, "openapi.json");
  writeFileSync(input, JSON.stringify(withTryItLinks(withSamples)));
  runBuildDocs(input, bundle.info);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const written = readFileSync(page, "utf8");
const { html, replaced } = localiseAssets(written);
assertTelemetryOff(html);
const outside = outsideAssetReferences(html);
if (outside.length > 0) {
  throw new Error(
    `The page would still load from other hosts: ${outside.join(", ")}. Add them to src/html/offline.js.`,
  );
}
writeFileSync(page, html);

const bytes = Buffer.byteLength(html);
console.log(`\nbuilt ${page}`);
const multipart = (/** @type {string} */ label) =>
  listOperations(withSamples).filter(({ operation }) =>
    operation["x-codeSamples"].some(
      (/** @type {{ label: string }} */ sample) => sample.label === label,
    ),
  ).length;
console.log(
  `operations: ${operations.length}, each with TypeScript and curl samples; multipart samples: ` +
    `${multipart("TypeScript (multipart)")} TypeScript (file uploads), ${multipart("curl (multipart)")} curl`,
);
console.log(`"Newer than the manual" badges: ${badged} operations (x-sd-source: current-docs)`);
console.log(`outside assets replaced: ${replaced.length > 0 ? replaced.join(", ") : "none"}`);
const gzipBytes = gzipSync(html).length;
console.log(pageSizeReport(bytes, gzipBytes, operations.length));
assertPageSize(bytes, gzipBytes, operations.length);

const collection = await buildCollection(bundle);
writeFileSync(join(dist, "postman.json"), `${JSON.stringify(collection, null, 2)}\n`);
console.log(
  `\nbuilt ${join(dist, "postman.json")}: ${requestItems(collection).length} requests in ` +
    `${collection.item.length} folders; after openapi-to-postmanv2: ` +
    POST_PROCESSING_STEPS.map((step) => step.name).join("; "),
);

const consoleSize = await buildConsole(dist);
console.log(`\nbuilt ${join(dist, "console")}: index.html, console.js, console.css`);
console.log(consoleSizeReport(consoleSize.bytes, consoleSize.gzipBytes));
assertConsoleSize(consoleSize.bytes, consoleSize.gzipBytes);

/**
 * Runs the pinned @redocly/cli from node_modules with telemetry and update checks off.
 * @param {string} input the description with samples
 * @param {{ title?: string, summary?: string, version?: string }} info
 */
function runBuildDocs(input, info) {
  const require = createRequire(import.meta.url);
  const cliPackage = require.resolve("@redocly/cli/package.json");
  const cli = join(dirname(cliPackage), JSON.parse(readFileSync(cliPackage, "utf8")).bin.redocly);
  const result = spawnSync(
    process.execPath,
    [
      cli,
      "build-docs",
      input,
      "--inlineBundle",
      `--config=${join(root, "redocly.yaml")}`,
      `--template=${join(root, "src/page.html")}`,
      `--title=${info.title ?? "API"} ${info.version ? `${info.version} ` : ""}reference`,
      `--templateOptions.description=${info.summary ?? ""}`,
      `--output=${page}`,
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
      },
    },
  );
  // Keep the CLI's own report, without the boxed Node.js deprecation banner it prints on Node 20.
  const output = `${result.stdout}${result.stderr}`
    .split("\n")
    .filter((line) => line.trim() && !/[║╔╚]/.test(line))
    .join("\n");
  if (result.status !== 0)
    throw new Error(`redocly build-docs failed (exit ${result.status}):\n${output}`);
  console.log(output);
}
