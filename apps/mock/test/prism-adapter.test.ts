import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../src/spec/description.js";
import { indexOperations } from "../src/spec/operations.js";
import { createPrismAdapter, prismCopy } from "../src/examples/prism-adapter.js";

/** PHP's empty array standing for an empty map: the shape the generator choked on. */
const doc = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/things": {
      get: {
        operationId: "getThings",
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["fields"],
                  properties: {
                    fields: {
                      oneOf: [
                        { type: "object", additionalProperties: { type: "string" } },
                        { type: "array", maxItems: 0 },
                      ],
                    },
                    tags: { type: "array", items: { type: "string" }, maxItems: 2 },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

describe("prismCopy", () => {
  it("gives array schemas with bounds but no items an empty items schema", () => {
    const copy = prismCopy(doc);
    const schema = (copy as any).paths["/things"].get.responses["200"].content["application/json"]
      .schema;
    expect(schema.properties.fields.oneOf[1]).toEqual({ type: "array", maxItems: 0, items: {} });
    expect(schema.properties.tags.items).toEqual({ type: "string" });
    // The front validates against the description as written: the original is untouched.
    expect(
      (doc as any).paths["/things"].get.responses["200"].content["application/json"].schema
        .properties.fields.oneOf[1],
    ).toEqual({ type: "array", maxItems: 0 });
  });
});

describe("createPrismAdapter", () => {
  it("generates an answer for every seed, whichever branch the generator takes", async () => {
    const adapter = await createPrismAdapter(doc, true);
    const [operation] = indexOperations(doc).operations;
    for (let seed = 0; seed < 30; seed++) {
      const answer = await adapter.answer(operation!, { seed: String(seed) }, undefined);
      expect(answer.status, `seed ${seed}: ${JSON.stringify(answer)}`).toBe(200);
    }
  });
});
