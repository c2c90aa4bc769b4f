// The layout rules of the split sources: one file per endpoint named after it, component files
// in PascalCase, and no file that nothing references (lint only sees what is referenced).
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const rootDoc = parse(readFileSync(join(root, "openapi.yaml"), "utf8"));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(dir, f));
}

/** Every file reachable from the root document through relative `$ref`s. */
function referencedFiles(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) {
            visit(resolvePath(dirname(file), value.split("#")[0] ?? ""));
          } else walk(value);
        }
      }
    };
    walk(parse(readFileSync(file, "utf8")));
  };
  visit(join(root, "openapi.yaml"));
  return seen;
}

describe("split sources", () => {
  it("names each path file after its endpoint", () => {
    for (const [path, item] of Object.entries(rootDoc.paths as Record<string, { $ref: string }>)) {
      expect(item.$ref).toBe(`./paths/${path.slice(1)}.yaml`);
    }
  });

  it("names component files in PascalCase, without dots", () => {
    for (const file of yamlFiles(join(root, "components"))) {
      if (file.includes("securitySchemes")) continue; // scheme names follow their `security` keys
      expect(basename(file, ".yaml")).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
  });

  it("references every file under paths/ and components/", () => {
    const used = referencedFiles();
    const unused = [
      ...yamlFiles(join(root, "paths")),
      ...yamlFiles(join(root, "components")),
    ].filter((f) => !used.has(f));
    expect(unused).toEqual([]);
  });

  it("never uses #/components references inside the split sources", () => {
    for (const file of [
      ...yamlFiles(join(root, "paths")),
      ...yamlFiles(join(root, "components")),
    ]) {
      expect(readFileSync(file, "utf8"), file).not.toContain("#/components");
    }
  });
});
