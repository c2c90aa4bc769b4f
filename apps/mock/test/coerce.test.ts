import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coerceValue } from "../src/front/coerce.js";
import type { Json, OpenApiDocument } from "../src/spec/description.js";
import { FIXTURE_SPEC } from "./support/start-mock.js";

const doc = JSON.parse(readFileSync(FIXTURE_SPEC, "utf8")) as OpenApiDocument;
const coerce = (schema: Json, value: Json) => coerceValue(doc, schema, value);

describe("coerceValue", () => {
  it("turns integer and number strings into numbers where the schema wants them", () => {
    expect(coerce({ type: "integer" }, "42")).toBe(42);
    expect(coerce({ type: "integer" }, "-7")).toBe(-7);
    expect(coerce({ type: "integer" }, "007")).toBe(7);
    expect(coerce({ type: "number" }, "1.5")).toBe(1.5);
    expect(coerce({ type: "integer" }, "4.5")).toBe("4.5");
    expect(coerce({ type: "integer" }, "abc")).toBe("abc");
    expect(coerce({ type: "integer" }, "99999999999999999999")).toBe("99999999999999999999");
  });

  it("reads 1/0/true/false as booleans", () => {
    for (const [text, value] of [
      ["1", true],
      ["0", false],
      ["true", true],
      ["false", false],
      ["TRUE", true],
    ] as const) {
      expect(coerce({ type: "boolean" }, text)).toBe(value);
    }
    expect(coerce({ type: "boolean" }, "yes")).toBe("yes");
    expect(coerce({ type: "boolean" }, 1)).toBe(true);
  });

  it("reads JSON numbers as text where only a string is allowed", () => {
    expect(coerce({ type: "string" }, 42)).toBe("42");
    expect(coerce({ type: ["integer", "string"] }, 42)).toBe(42);
  });

  it("leaves strings alone where a string is allowed, unless clearly a number", () => {
    expect(coerce({ type: "string" }, "0042")).toBe("0042");
    expect(coerce({ $ref: "#/components/schemas/Timestamp" }, "1793610840")).toBe(1793610840);
    expect(coerce({ $ref: "#/components/schemas/Timestamp" }, "0042")).toBe("0042");
    expect(coerce({ $ref: "#/components/schemas/Timestamp" }, "2026-11-02T09:14:00Z")).toBe(
      "2026-11-02T09:14:00Z",
    );
  });

  it("coerces array items and dictionary values by their schemas", () => {
    expect(coerce({ type: "array", items: { type: "integer" } }, ["1", "2"])).toEqual([1, 2]);
    expect(
      coerce({ type: "object", additionalProperties: { type: "integer" } }, { a: "1", b: "x" }),
    ).toEqual({ a: 1, b: "x" });
  });

  it("turns PHP arrays with explicit indexes into lists, in index order", () => {
    expect(coerce({ type: "array", items: { type: "integer" } }, { "5": "3", "2": "1" })).toEqual([
      1, 3,
    ]);
  });

  it("follows $ref, allOf and anyOf to find the schema", () => {
    const schema = { $ref: "#/components/schemas/NewParcel" };
    expect(coerce(schema, { owner_id: "3", shipped_at: "", is_insured: "0" })).toEqual({
      owner_id: 3,
      shipped_at: "",
      is_insured: false,
    });
    expect(coerce({ anyOf: [{ type: "integer" }, { type: "null" }] }, "")).toBe(null);
  });
});
