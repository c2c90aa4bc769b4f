// @ts-check
// `npm run generate`: writes src/generated/manifest.ts from the bundled description.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildManifest, renderManifest } from "./manifest.mjs";

const bundle = new URL("../../../openapi/dist/openapi.json", import.meta.url);
const target = new URL("../src/generated/manifest.ts", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const manifest = buildManifest(JSON.parse(readFileSync(bundle, "utf8")));
mkdirSync(new URL(".", target), { recursive: true });
writeFileSync(target, renderManifest(manifest, pkg.version));
console.log(
  `manifest: ${Object.keys(manifest.bodies).length} non-form bodies, ${Object.keys(manifest.pages).length} paged operations`,
);
