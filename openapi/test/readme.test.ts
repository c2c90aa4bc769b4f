// The root README's coverage table is generated from the bundle; this keeps it current.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM script without type declarations
import { renderCoverageTable, replaceBetweenMarkers } from "../scripts/coverage-table.js";
import { bundle } from "./bundle.js";

const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");

describe("README coverage table", () => {
  it("matches the bundle (run `npm run readme -w @sd-toolkit/openapi` to refresh it)", () => {
    expect(replaceBetweenMarkers(readme, renderCoverageTable(bundle))).toBe(readme);
  });

  it("lists every path of the description", () => {
    for (const path of Object.keys(bundle.paths)) expect(readme).toContain(`| \`${path}\` |`);
  });

  it("names the source of every operation: the manual, the current reference, or both", () => {
    const op = (source?: string) => ({
      tags: ["Things"],
      ...(source && { "x-sd-source": source }),
    });
    const table: string = renderCoverageTable({
      paths: {
        "/old": { get: op() },
        "/new": { get: op("current-docs") },
        "/mixed": { get: op(), put: op("current-docs"), delete: op() },
      },
    });
    expect(table).toContain("3 paths, 5 operations: 3 from the manual, 2 that only");
    expect(table).toContain("| `/old` | GET | Things | manual |");
    expect(table).toContain("| `/new` | GET | Things | current reference |");
    expect(table).toContain(
      "| `/mixed` | GET, PUT, DELETE | Things | manual; current reference: PUT |",
    );
  });
});
