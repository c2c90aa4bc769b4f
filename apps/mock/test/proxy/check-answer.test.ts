// The drift checker on a small description made for it: each kind of difference is named with
// its normalised path, an answer as described gives nothing, and values stay out of the
// findings unless asked for.
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/spec/description.js";
import { indexOperations } from "../../src/spec/operations.js";
import { createAnswerChecker } from "../../src/proxy/check-answer.js";

const doc = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/thing": {
      get: {
        operationId: "thing",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "401": {
            description: "no",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
    "/maybe": {
      get: {
        operationId: "maybe",
        responses: {
          "200": {
            description: "the thing, or false when there is none",
            content: {
              "application/json": {
                schema: {
                  oneOf: [
                    { $ref: "#/components/schemas/Thing" },
                    { type: "boolean", const: false },
                  ],
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        required: ["id", "status"],
        properties: {
          id: { type: "integer" },
          status: { type: "integer", enum: [1, 2, 3] },
          owner: { type: ["string", "null"] },
          title: { type: "string" },
          requests: {
            type: "object",
            additionalProperties: {
              type: "object",
              properties: {
                comments: {
                  type: "array",
                  items: {
                    allOf: [
                      { type: "object", properties: { id: { type: "integer" } } },
                      { properties: { is_solution: { type: "boolean" } } },
                    ],
                  },
                },
              },
            },
          },
          tags: { type: "array", items: { type: "string" } },
          either: {
            oneOf: [{ type: "string" }, { type: "object", properties: { a: { type: "integer" } } }],
          },
          found: {
            oneOf: [
              { type: "boolean", const: false },
              { type: "object", required: ["a", "b"], properties: { a: {}, b: {} } },
            ],
          },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

const operations = indexOperations(doc).operations;
const operation = operations.find((op) => op.path === "/thing")!;
const maybe = operations.find((op) => op.path === "/maybe")!;
const good = {
  id: 1,
  status: 2,
  owner: null,
  title: "Printer on fire",
  requests: { "17": { comments: [{ id: 3, is_solution: true }] } },
  tags: ["a"],
  either: { a: 1 },
};

function check(
  body: unknown,
  extra: { status?: number; type?: string; raw?: string } = {},
  op = operation,
) {
  const checker = createAnswerChecker(doc, { showValues: false });
  return checker(op, {
    status: extra.status ?? 200,
    contentType: extra.type ?? "application/json; charset=utf-8",
    body: Buffer.from(extra.raw ?? JSON.stringify(body)),
    method: "get",
  });
}

describe("the answer checker", () => {
  it("finds nothing in an answer as described", () => {
    expect(check(good)).toEqual([]);
    expect(check({ ...good, either: "text" })).toEqual([]);
  });

  it("names an undocumented status, a wrong content type and a body that is not JSON", () => {
    expect(check(good, { status: 404 })).toMatchObject([
      { kind: "undocumented-status", at: "$", seen: "404" },
    ]);
    expect(check(good, { type: "text/html" })).toMatchObject([
      { kind: "wrong-content-type", at: "$", expected: "application/json", seen: "text/html" },
    ]);
    expect(check(good, { raw: "<html>" })).toMatchObject([{ kind: "not-json", at: "$" }]);
  });

  it("judges a value by the branch of its own type, even when another branch has fewer findings", () => {
    expect(check({ ...good, found: false })).toEqual([]);
    expect(check({ ...good, found: {} }).map((f) => `${f.kind} ${f.at}`)).toEqual([
      "missing-required $.found.a",
      "missing-required $.found.b",
    ]);
  });

  it("names each kind of shape difference at its normalised path", () => {
    const { status: _status, ...withoutStatus } = good;
    const cases: Array<[unknown, string, string]> = [
      [{ ...good, id: "1" }, "type-mismatch", "$.id"],
      [withoutStatus, "missing-required", "$.status"],
      [{ ...good, colour: "red" }, "undocumented-field", "$.colour"],
      [{ ...good, status: 9 }, "outside-enum", "$.status"],
      [{ ...good, requests: [] }, "array-for-object", "$.requests"],
      [{ ...good, tags: { 0: "a" } }, "object-for-array", "$.tags"],
      [{ ...good, title: null }, "null-not-nullable", "$.title"],
      [
        { ...good, requests: { "17": { comments: [{ id: 3, is_solution: "yes" }] } } },
        "type-mismatch",
        "$.requests{}.comments[].is_solution",
      ],
    ];
    for (const [body, kind, at] of cases) {
      expect(check(body), `${kind} ${at}`).toMatchObject([{ kind, at }]);
    }
  });

  it("reports the closest alternative of a oneOf, not the one that rejects the whole value", () => {
    const { status: _status, ...withoutStatus } = good;
    const { id: _id, ...withoutRequired } = withoutStatus;
    expect(check(false, {}, maybe)).toEqual([]);
    expect(check(good, {}, maybe)).toEqual([]);
    // `false` has a single difference (the type) but rejects the object as a whole; the
    // object schema is the closer one, and its missing fields are what changed.
    expect(check(withoutRequired, {}, maybe)).toEqual([
      { kind: "missing-required", at: "$.id", expected: "required", seen: "absent" },
      { kind: "missing-required", at: "$.status", expected: "required", seen: "absent" },
    ]);
    expect(check(withoutStatus, {}, maybe)).toEqual([
      { kind: "missing-required", at: "$.status", expected: "required", seen: "absent" },
    ]);
    expect(check({ ...withoutStatus, colour: "red", id: "1" }, {}, maybe)).toEqual([
      expect.objectContaining({ kind: "missing-required", at: "$.status" }),
      expect.objectContaining({ kind: "type-mismatch", at: "$.id" }),
      expect.objectContaining({ kind: "undocumented-field", at: "$.colour" }),
    ]);
    // When every alternative rejects the value, the whole value is still named.
    expect(check(true, {}, maybe)).toMatchObject([{ kind: "outside-enum", at: "$" }]);
    expect(check([good], {}, maybe)).toMatchObject([{ kind: "array-for-object", at: "$" }]);
  });

  it("counts a difference repeated in every element of a list once per answer", () => {
    const comments = [1, 2, 3].map((id) => ({ id, is_solution: 0 }));
    expect(check({ ...good, requests: { "1": { comments }, "2": { comments } } })).toHaveLength(1);
  });

  it("shows type and length instead of the value, unless values are asked for", () => {
    const [finding] = check({ ...good, colour: "Maya Lindqvist" });
    expect(finding?.seen).toBe("string (14 chars)");
    const checker = createAnswerChecker(doc, { showValues: true });
    const [shown] = checker(operation, {
      status: 200,
      contentType: "application/json",
      body: Buffer.from(JSON.stringify({ ...good, colour: "Maya Lindqvist" })),
      method: "get",
    });
    expect(shown?.seen).toBe('"Maya Lindqvist"');
  });
});
