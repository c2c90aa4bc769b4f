import { describe, expect, it } from "vitest";
import {
  exampleBodies,
  exampleQuery,
  fileFieldsOf,
  placeholderFor,
} from "../src/samples/example-values.js";

const document = {
  components: {
    parameters: {
      DateFormat: {
        name: "date_format",
        in: "query",
        schema: { type: "string", enum: ["epoch", "iso8601"] },
        example: "iso8601",
      },
    },
    schemas: {
      Upload: {
        type: "object",
        required: ["article_id"],
        properties: {
          article_id: { type: "integer" },
          attachments: { type: "array", items: { type: "string", format: "binary" } },
          mixed: {
            type: "array",
            items: { anyOf: [{ type: "integer" }, { type: "string", format: "binary" }] },
          },
        },
      },
    },
  },
};

describe("exampleQuery", () => {
  it("takes each parameter's example, following references, in description order", () => {
    const operation = {
      operationId: "getIncident",
      parameters: [
        { name: "id", in: "query", required: true, schema: { type: "integer" }, example: 4211 },
        { $ref: "#/components/parameters/DateFormat" },
        {
          name: "page_key",
          in: "query",
          schema: { type: "string" },
          examples: { first: { value: "c2Q6" } },
        },
      ],
    };
    expect(exampleQuery(document, operation)).toEqual([
      { name: "id", value: 4211 },
      { name: "date_format", value: "iso8601" },
      { name: "page_key", value: "c2Q6" },
    ]);
  });

  it("leaves optional parameters without an example out and invents only required ones", () => {
    const operation = {
      operationId: "x",
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer" } },
        {
          name: "ids",
          in: "query",
          required: true,
          schema: { type: "array", items: { type: "integer" } },
        },
      ],
    };
    expect(exampleQuery(document, operation)).toEqual([{ name: "ids", value: [1] }]);
  });

  it("refuses parameter locations the samples cannot show", () => {
    const operation = {
      operationId: "x",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
    };
    expect(() => exampleQuery(document, operation)).toThrow(/not supported/);
  });
});

describe("exampleBodies", () => {
  it("gives the named example of every media type and its file fields", () => {
    const operation = {
      requestBody: {
        content: {
          "multipart/form-data": {
            schema: { $ref: "#/components/schemas/Upload" },
            examples: {
              pdfGuide: { value: { article_id: 310, attachments: ["(contents of guide.pdf)"] } },
            },
          },
          "application/x-www-form-urlencoded": {
            schema: { $ref: "#/components/schemas/Upload" },
            examples: { noFile: { value: { article_id: 310 } } },
          },
        },
      },
    };
    const [multipart, form] = exampleBodies(document, operation);
    expect(multipart?.mediaType).toBe("multipart/form-data");
    expect(multipart?.exampleName).toBe("pdfGuide");
    expect([...(multipart?.fileFields ?? [])]).toEqual(["attachments", "mixed"]);
    expect(form?.value).toEqual({ article_id: 310 });
  });

  it("falls back to the required fields when a body has no example", () => {
    const operation = {
      requestBody: {
        content: {
          "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Upload" } },
        },
      },
    };
    expect(exampleBodies(document, operation)[0]?.value).toEqual({ article_id: 1 });
  });

  it("is empty for operations without a body", () => {
    expect(exampleBodies(document, {})).toEqual([]);
  });
});

describe("placeholderFor and fileFieldsOf", () => {
  it("prefers what the schema says over neutral values", () => {
    expect(placeholderFor(document, { type: "string", default: "epoch" })).toBe("epoch");
    expect(placeholderFor(document, { type: "integer", enum: [3, 4] })).toBe(3);
    expect(placeholderFor(document, { type: ["integer", "string"] })).toBe(1);
    expect(placeholderFor(document, { type: "boolean" })).toBe(true);
    expect(placeholderFor(document, { type: "string" })).toBe("value");
  });

  it("finds no file fields in a plain form", () => {
    expect(
      fileFieldsOf(document, { type: "object", properties: { id: { type: "integer" } } }).size,
    ).toBe(0);
  });
});
