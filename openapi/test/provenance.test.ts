// Facts newer than the manual carry `x-sd-source: current-docs`; the docs derive their "Newer than
// the manual" badge from it, so a misspelt value or a mark in a place the docs never read would
// silently drop the badge.
import { describe, expect, it } from "vitest";
import { bundle, type Json } from "./bundle.js";

const MARK = "x-sd-source";
const METHODS = new Set(["get", "put", "post", "patch", "delete"]);

interface Mark {
  where: string;
  value: unknown;
  /** What carries it: an operation, a parameter, a schema property, or something else. */
  kind: "operation" | "parameter" | "property" | "other";
}

/** Every `x-sd-source` in the bundle, with what kind of node carries it. */
function findMarks(): Mark[] {
  const marks: Mark[] = [];
  const walk = (node: Json, trail: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, [...trail, String(i)]));
      return;
    }
    if (!node || typeof node !== "object") return;
    if (MARK in node) {
      const parent = trail.at(-2);
      const key = trail.at(-1) ?? "";
      let kind: Mark["kind"] = "other";
      if (trail[0] === "paths" && trail.length === 3 && METHODS.has(key)) kind = "operation";
      else if (parent === "parameters" || trail.at(-3) === "parameters") kind = "parameter";
      else if (parent === "properties") kind = "property";
      marks.push({ where: trail.join("/"), value: node[MARK], kind });
    }
    for (const [key, child] of Object.entries(node)) walk(child, [...trail, key]);
  };
  walk(bundle, []);
  return marks;
}

const marks = findMarks();

describe(`${MARK}`, () => {
  it("marks something (the parameters and fields of the current reference)", () => {
    expect(marks.length).toBeGreaterThan(0);
  });

  it('always says "current-docs"', () => {
    const wrong = marks.filter((m) => m.value !== "current-docs").map((m) => m.where);
    expect(wrong).toEqual([]);
  });

  it("sits only on operations, parameters and schema properties", () => {
    expect(marks.filter((m) => m.kind === "other").map((m) => m.where)).toEqual([]);
  });
});
