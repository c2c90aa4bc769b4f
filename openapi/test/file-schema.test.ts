// The one rule for file fields, which the types generator, the docs samples and the mock's
// contract tests all import.
import { describe, expect, it } from "vitest";
import { holdsFiles, isFileSchema } from "../lib/file-schema.js";
import type { Json } from "./bundle.js";

describe("isFileSchema", () => {
  it("takes format: binary and contentMediaType strings as files", () => {
    expect(isFileSchema({ type: "string", format: "binary" })).toBe(true);
    expect(isFileSchema({ format: "binary" })).toBe(true);
    expect(isFileSchema({ type: "string", contentMediaType: "image/png" })).toBe(true);
  });

  it("refuses other strings, non-strings and non-schemas", () => {
    expect(isFileSchema({ type: "string", format: "date-time" })).toBe(false);
    expect(isFileSchema({ type: "integer", format: "binary" })).toBe(false);
    expect(isFileSchema({ type: "array", items: { type: "string", format: "binary" } })).toBe(
      false,
    );
    expect(isFileSchema(null)).toBe(false);
    expect(isFileSchema("binary")).toBe(false);
  });
});

describe("holdsFiles", () => {
  it("finds files in array items and in anyOf/oneOf alternatives, through $ref", () => {
    const file = { type: "string", format: "binary" };
    expect(holdsFiles({ type: "array", items: file })).toBe(true);
    expect(holdsFiles({ type: "array", items: { anyOf: [{ type: "integer" }, file] } })).toBe(true);
    expect(
      holdsFiles({ oneOf: [{ type: "integer" }, { $ref: "#/f" }] }, (n: Json) =>
        n?.$ref ? file : n,
      ),
    ).toBe(true);
    expect(holdsFiles({ type: "array", items: { type: "integer" } })).toBe(false);
  });

  it("ends on a recursive schema", () => {
    const loop: Json = { type: "array" };
    loop.items = loop;
    expect(holdsFiles(loop)).toBe(false);
  });
});
