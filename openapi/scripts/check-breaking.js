#!/usr/bin/env node
// The contract's versioning policy: compares the bundle with the last released description
// (released/openapi.json, refreshed by the root `npm run version`) and fails on a breaking
// change unless a pending changeset bumps @sd-toolkit/openapi by major. Prints every change it
// found either way, so a reviewer sees what a release will announce.
//   node scripts/check-breaking.js [--baseline FILE] [--current FILE] [--changesets DIR]
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compareDescriptions } from "./breaking/compare.js";
import { changesetsBumping } from "./breaking/pending-bumps.js";

const PACKAGE = "@sd-toolkit/openapi";
const here = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: resolve(here, "released/openapi.json") },
    current: { type: "string", default: resolve(here, "dist/openapi.json") },
    changesets: { type: "string", default: resolve(here, "../.changeset") },
  },
});
/** A path relative to where the check runs when it lies below it, else as given. */
const show = (/** @type {string} */ file) => {
  const path = relative(process.cwd(), file);
  return path && !path.startsWith("..") ? path : file;
};

/** @param {string} file @param {string} hint */
function load(file, hint) {
  if (!existsSync(file)) {
    console.error(`check-breaking: ${show(file)} does not exist; ${hint}`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

const baseline = load(values.baseline, "it holds the last released description.");
const current = load(values.current, "build it with npm run bundle -w @sd-toolkit/openapi.");
const changes = compareDescriptions(baseline, current);
const breaking = changes.filter((c) => c.breaking);

console.log(`Contract: ${show(values.current)} against the last release, ${show(values.baseline)}`);
if (changes.length === 0) {
  console.log("No change to the contract.");
  process.exit(0);
}
console.log(`${changes.length} change(s), ${breaking.length} breaking:`);
for (const change of [...breaking, ...changes.filter((c) => !c.breaking)]) {
  console.log(`  ${change.breaking ? "BREAKING" : "ok      "}  ${change.where}: ${change.what}`);
}
if (breaking.length === 0) process.exit(0);

const majors = changesetsBumping(values.changesets, PACKAGE, "major");
if (majors.length > 0) {
  console.log(`Allowed: ${majors.join(", ")} bumps ${PACKAGE} by major.`);
  process.exit(0);
}
console.error(
  `\n${breaking.length} breaking change(s) and no pending changeset bumps ${PACKAGE} by major. ` +
    "Undo them, or add a major changeset for the fixed group (npx changeset) that tells users " +
    'what to change; see CONTRIBUTING.md, "Versioning policy".',
);
process.exit(1);
