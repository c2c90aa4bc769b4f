// How array and dictionary query parameters are written on the wire. Redocly's
// array-parameter-serialization rule only sees a plain `type: array`; this also covers arrays
// inside oneOf/anyOf and the dictionaries.
import { describe, expect, it } from "vitest";
import { type Json, operations, resolve } from "./bundle.js";

function isArray(schema: Json): boolean {
  const s = resolve(schema) ?? {};
  if ([s.type].flat().includes("array") || s.items) return true;
  return [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].some(isArray);
}

function isDictionary(schema: Json): boolean {
  const s = resolve(schema) ?? {};
  return [s.type].flat().includes("object") || s.additionalProperties !== undefined;
}

const params = operations.flatMap(({ label, op }) =>
  (op.parameters ?? []).map((raw: Json) => ({ label, param: resolve(raw) })),
);

describe("query parameters", () => {
  it("arrays are one pair per value (style form, explode true), to which the client adds []", () => {
    const arrays = params.filter(({ param }) => isArray(param.schema));
    expect(arrays.length).toBeGreaterThan(0);
    const wrong = arrays
      .filter(({ param }) => param.style !== "form" || param.explode !== true)
      .map(({ label, param }) => `${label} ${param.name}`);
    expect(wrong).toEqual([]);
  });

  it("dictionaries are deepObject (`name[key]=value`)", () => {
    const wrong = params
      .filter(({ param }) => !isArray(param.schema) && isDictionary(param.schema))
      .filter(({ param }) => param.style !== "deepObject")
      .map(({ label, param }) => `${label} ${param.name}`);
    expect(wrong).toEqual([]);
  });
});
