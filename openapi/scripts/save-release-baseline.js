// Run by the root `npm run version` when a release is cut: the bundle being released becomes
// the baseline that scripts/check-breaking.js compares every later change with.
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(`${here}released`, { recursive: true });
copyFileSync(`${here}dist/openapi.json`, `${here}released/openapi.json`);
console.log("released/openapi.json now holds the bundle of this release");
