// The conventions of openapi/README.md that the linter cannot express, checked on the bundle.
import { describe, expect, it } from "vitest";
import { bundle, type Json, operations, resolve } from "./bundle.js";

const SHARED_ERRORS = ["401", "403", "428", "429"];
/** The one mark of what comes from the vendor's current reference rather than the manual. */
const SOURCE = "x-sd-source";
const CURRENT_DOCS = "current-docs";
const FORM = "application/x-www-form-urlencoded";
const declaredScopes = Object.keys(
  bundle.components.securitySchemes.oauth2.flows.clientCredentials.scopes,
);

describe("the whole description", () => {
  it("describes the manual's 154 operations and the 22 the current reference adds", () => {
    expect(Object.keys(bundle.paths)).toHaveLength(113);
    expect(operations).toHaveLength(176);
    const fromCurrentDocs = operations.filter(({ op }) => op[SOURCE] === CURRENT_DOCS);
    expect(operations.length - fromCurrentDocs.length, "operations of the manual").toBe(154);
    expect(fromCurrentDocs).toHaveLength(22);
  });

  it("uses unique lowerCamelCase operationIds", () => {
    const ids = operations.map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z]+[A-Z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares exactly one OAuth scope per operation, and no scope without an operation", () => {
    const used = operations.map(({ path, method }) => `api.v1.${path.slice(1)}:${method}`);
    expect([...declaredScopes].sort()).toEqual([...used].sort());
  });

  it("puts every tag in a tag group", () => {
    const grouped = bundle["x-tagGroups"].flatMap((g: Json) => g.tags);
    for (const tag of bundle.tags) expect(grouped).toContain(tag.name);
  });
});

describe.each(operations)("$label", ({ path, method, op }) => {
  it("asks for Basic auth or its own OAuth scope", () => {
    expect(op.security).toEqual([
      { basicAuth: [] },
      { oauth2: [`api.v1.${path.slice(1)}:${method}`] },
    ]);
  });

  it("has one defined tag", () => {
    expect(op.tags).toHaveLength(1);
    expect(bundle.tags.map((t: Json) => t.name)).toContain(op.tags[0]);
  });

  it("answers 200 and the shared 401, 403, 428 and 429", () => {
    expect(op.responses["200"]).toBeDefined();
    for (const code of SHARED_ERRORS) {
      expect(op.responses[code]?.$ref, `response ${code}`).toMatch(/^#\/components\/responses\//);
    }
    expect(resolve(op.responses["429"]).headers["Retry-After"]).toBeDefined();
  });

  it("carries its parameters where the server expects them", () => {
    const params = (op.parameters ?? []).map(resolve);
    const names: string[] = params.map((p: Json) => p.name);
    if (method === "get" || method === "delete") {
      expect(op.requestBody).toBeUndefined();
      for (const p of params) expect(p.in).toBe("query");
    } else {
      expect(params).toEqual([]);
      if (op.requestBody) {
        const content = resolve(op.requestBody).content;
        expect(Object.keys(content)).toContain(FORM);
        names.push(...Object.keys(resolve(content[FORM].schema)?.properties ?? {}));
      }
    }
    for (const name of names) expect(name, "names never carry brackets").not.toMatch(/[[\]]/);
  });
});

/** Every place in the bundle that carries the source mark, as JSON pointer segments. */
function sourceMarks(node: Json, at: string[] = []): { at: string[]; value: unknown }[] {
  if (!node || typeof node !== "object") return [];
  const found = SOURCE in node && !Array.isArray(node) ? [{ at, value: node[SOURCE] }] : [];
  return found.concat(
    Object.entries(node).flatMap(([key, child]) => sourceMarks(child, [...at, key])),
  );
}

describe(`the ${SOURCE} mark`, () => {
  const marks = sourceMarks(bundle);

  it(`has the one value "${CURRENT_DOCS}"`, () => {
    expect(marks.length).toBeGreaterThan(0);
    for (const { at, value } of marks) expect(value, at.join("/")).toBe(CURRENT_DOCS);
  });

  it("sits only on operations, parameters and schema properties", () => {
    const operation = (at: string[]) => at.length === 3 && at[0] === "paths";
    const parameter = (at: string[]) =>
      at.at(-2) === "parameters" && (at[0] === "paths" || at.length === 3);
    const property = (at: string[]) => at.at(-2) === "properties";
    for (const { at } of marks) {
      expect(operation(at) || parameter(at) || property(at), at.join("/")).toBe(true);
    }
  });

  describe.each(operations.filter(({ op }) => op[SOURCE] === CURRENT_DOCS))(
    "$label, from the current reference",
    ({ op }) => {
      it("marks every parameter and body property it takes", () => {
        for (const param of (op.parameters ?? []).map(resolve)) {
          expect(param[SOURCE], param.name).toBe(CURRENT_DOCS);
        }
        const body = op.requestBody ? resolve(op.requestBody).content[FORM].schema : undefined;
        for (const [name, schema] of Object.entries(resolve(body)?.properties ?? {})) {
          expect((schema as Json)[SOURCE], name).toBe(CURRENT_DOCS);
        }
      });
    },
  );
});
