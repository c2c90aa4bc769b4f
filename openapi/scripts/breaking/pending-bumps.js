// Reads the pending changesets (`.changeset/*.md`) and tells which of them bump a package by
// the given release type. Only the front matter matters: `"@sd-toolkit/openapi": major`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * @param {string} dir the `.changeset` folder
 * @param {string} packageName
 * @param {"major" | "minor" | "patch"} type
 * @returns {string[]} the names of the changeset files that do
 */
export function changesetsBumping(dir, packageName, type) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .filter((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
      if (!match)
        throw new Error(`${join(dir, file)} has no front matter listing the packages it bumps`);
      const bumps = parse(match[1] ?? "") ?? {};
      return bumps[packageName] === type;
    });
}
