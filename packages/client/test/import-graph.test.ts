// The modules of src/ import each other in one direction: no loop, type-only imports included,
// so that each file can be read after the ones it names.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

function modules(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".ts"),
  );
  for (const file of files) {
    const text = readFileSync(join(src, file), "utf8");
    const targets = [...text.matchAll(/^(?:import|export)[^;]*?from\s+"(\.[^"]+)"/gms)].map(
      ([, spec]) => relative(src, resolve(dirname(join(src, file)), spec!)).replace(/\.js$/, ".ts"),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** Every loop of the graph, each as the path that closes it. */
function loops(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      found.push([...path.slice(path.indexOf(file)), file].join(" -> "));
      return;
    }
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe("the client's module graph", () => {
  it("finds the imports of the sources", () => {
    expect(modules().get("transport.ts")).toContain("auth/authorizer.ts");
  });

  it("has no import loop, type-only imports included", () => {
    expect(loops(modules())).toEqual([]);
  });

  it("would report a loop", () => {
    const looped = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["a.ts"]],
    ]);
    expect(loops(looped)).toEqual(["a.ts -> b.ts -> a.ts"]);
  });
});
