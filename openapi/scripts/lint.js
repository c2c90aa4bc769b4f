// Lints the split sources and the bundle with the root redocly.yaml and fails on any problem,
// warnings included (lib/redocly-lint.js). Run through npm, which puts node_modules/.bin on PATH.
import { fileURLToPath } from "node:url";
import { redoclyLint } from "../lib/redocly-lint.js";

const targets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["openapi.yaml", "dist/openapi.yaml"];
const clean = redoclyLint({
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  config: "../redocly.yaml",
  targets,
});
process.exit(clean ? 0 : 1);
