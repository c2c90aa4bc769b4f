// The answer check: differences from the description, each with its JSON path.
import { describe, expect, it } from "vitest";
import { resolveRef } from "../src/openapi/operations.js";
import { answerSchema, differences } from "../src/console/schema-check.js";
import { loadBundle } from "./support/bundle.js";

const bundle = loadBundle();
const getIncident = bundle.paths["/incident"].get;
const example = structuredClone(
  resolveRef(bundle, getIncident.responses["200"]).content["application/json"].examples.withComments
    .value,
);

describe("differences", () => {
  const described = answerSchema(bundle, getIncident, 200);

  it("finds none in the description's own example of GET /incident", () => {
    expect(described?.code).toBe("200");
    expect(differences(bundle, described?.schema, example)).toEqual([]);
  });

  it("names each difference by its JSON path", () => {
    const changed = structuredClone(example);
    changed.id = "4211";
    delete changed.title;
    changed.comments[0].is_solution = "no";
    expect(differences(bundle, described?.schema, changed)).toEqual([
      { path: "$.title", message: "is missing (required)" },
      { path: "$.id", message: 'is the string "4211", the description says integer' },
      {
        path: "$.comments[0].is_solution",
        message: 'is the string "no", the description says boolean',
      },
    ]);
  });

  it("reports the object an answer missed, not a `false` alternative it is not", () => {
    // GET /incident answers a request or `false`: an incomplete request is closer to the request.
    const recordOrFalse = {
      oneOf: [{ type: "object", required: ["id", "title"] }, { const: false }],
    };
    expect(differences(bundle, recordOrFalse, {})).toEqual([
      { path: "$.id", message: "is missing (required)" },
      { path: "$.title", message: "is missing (required)" },
    ]);
  });

  it("checks enums and constants", () => {
    expect(differences(bundle, { enum: ["OK", "ERROR"] }, "MAYBE")).toEqual([
      { path: "$", message: 'is "MAYBE", not one of "OK", "ERROR"' },
    ]);
    expect(differences(bundle, { const: 1 }, 0)).toEqual([
      { path: "$", message: "is 0, the description expects 1" },
    ]);
  });

  it("reports the closest alternative of anyOf when none fits", () => {
    const schema = {
      anyOf: [
        { type: "object", required: ["a", "b"], properties: { a: { type: "integer" } } },
        { type: "string" },
      ],
    };
    expect(differences(bundle, schema, { a: 1 })).toEqual([
      { path: "$.b", message: "is missing (required)" },
    ]);
  });

  it("falls back to the status class and default, and answers undefined without a JSON body", () => {
    const operation = {
      responses: { "4XX": { content: { "application/json": { schema: { type: "object" } } } } },
    };
    expect(answerSchema(bundle, operation, 428)?.code).toBe("4XX");
    expect(answerSchema(bundle, operation, 500)).toBeUndefined();
  });
});
