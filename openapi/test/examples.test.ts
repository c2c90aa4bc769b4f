// Layer 2 of the test plan: every example in the bundle validates against its schema, so the
// reference site, the mock and the code samples never show data the API would not send.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { bundle, type Json, operations, pointer, resolve } from "./bundle.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(bundle, "bundle");

/** Where a possibly-referenced node lives: its `$ref` target, or its own place in the bundle. */
function locate(node: Json, ...place: string[]): string {
  return typeof node.$ref === "string" ? node.$ref : pointer(...place);
}

function validate(schemaPointer: string, value: unknown): string[] {
  const check = ajv.compile({ $ref: `bundle${schemaPointer}` });
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe.each(operations)("$label", ({ path, method, op }) => {
  it("has an example for every parameter, valid against its schema", () => {
    for (const [index, raw] of (op.parameters ?? []).entries()) {
      const param = resolve(raw);
      const examples: unknown[] =
        param.example !== undefined
          ? [param.example]
          : Object.values(param.examples ?? {}).map((e: Json) => resolve(e).value);
      expect(examples.length, `parameter ${param.name} has no example`).toBeGreaterThan(0);
      const at = `${locate(raw, "paths", path, method, "parameters", String(index))}/schema`;
      for (const value of examples) {
        expect(validate(at, value), `parameter ${param.name}`).toEqual([]);
      }
    }
  });

  it("has a named example for every request body media type, valid against its schema", () => {
    if (!op.requestBody) return;
    const body = resolve(op.requestBody);
    const base = locate(op.requestBody, "paths", path, method, "requestBody");
    for (const [mediaType, media] of Object.entries(body.content as Record<string, Json>)) {
      const named = Object.entries(media.examples ?? {});
      expect(named.length, `${mediaType} body has no named example`).toBeGreaterThan(0);
      for (const [name, example] of named) {
        const at = `${base}/content/${mediaType.replace(/\//g, "~1")}/schema`;
        const errors = validate(at, resolve(example).value);
        expect(errors, `${mediaType} example ${name}`).toEqual([]);
      }
    }
  });

  it("has a named 200 example, valid against the response schema", () => {
    const ok = resolve(op.responses["200"]);
    const media = ok?.content?.["application/json"];
    expect(media, "200 application/json").toBeDefined();
    const named = Object.entries(media.examples ?? {});
    expect(named.length, "200 has no named example").toBeGreaterThan(0);
    const at = `${locate(op.responses["200"], "paths", path, method, "responses", "200")}/content/application~1json/schema`;
    for (const [name, example] of named) {
      const errors = validate(at, resolve(example).value);
      expect(errors, `200 example ${name}`).toEqual([]);
    }
  });
});

describe("the validator itself", () => {
  it("rejects an example of the wrong type", () => {
    const errors = validate(pointer("components", "schemas", "WriteResult"), { status: "MAYBE" });
    expect(errors.length).toBeGreaterThan(0);
  });
});
