import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildManifest, renderManifest } from "../scripts/manifest.mjs";
import { bodies, pages, version } from "../src/generated/manifest.js";

type Doc = Record<string, unknown>;
const ok = { description: "OK" };
const answer = (schema: unknown) => ({
  "200": { description: "OK", content: { "application/json": { schema } } },
});
const query = (name: string) => ({ name, in: "query", schema: { type: "string" } });

/** A small description exercising every rule of the generator. */
const fixture: Doc = {
  openapi: "3.1.0",
  paths: {
    "/things.by": {
      get: {
        parameters: [{ $ref: "#/components/parameters/PageKey" }],
        responses: answer({ $ref: "#/components/schemas/ThingPage" }),
      },
    },
    "/things.by.status": {
      get: {
        parameters: [query("limit"), query("offset")],
        responses: answer({
          allOf: [
            { $ref: "#/components/schemas/Envelope" },
            { type: "object", properties: { ids: { type: "array" }, total: { type: "integer" } } },
          ],
        }),
      },
    },
    "/articles": {
      get: {
        parameters: [query("limit"), query("offset")],
        responses: answer({
          oneOf: [
            { type: "object", properties: { data: { type: "array" }, total: { type: "integer" } } },
            { type: "array" },
          ],
        }),
      },
      post: {
        requestBody: {
          content: {
            "application/x-www-form-urlencoded": { schema: {} },
            "multipart/form-data": { schema: {} },
          },
        },
        responses: { "200": ok },
      },
      put: {
        requestBody: { content: { "application/x-www-form-urlencoded": { schema: {} } } },
        responses: { "200": ok },
      },
    },
    "/bare": {
      get: { parameters: [query("offset")], responses: answer({ type: "array", items: {} }) },
    },
    "/uploads": {
      post: {
        requestBody: { content: { "multipart/form-data": { schema: {} } } },
        responses: { "200": ok },
      },
    },
    "/plain": { get: { parameters: [query("limit")], responses: answer({ type: "array" }) } },
    "/catalogue": {
      get: {
        parameters: [
          query("page"),
          { name: "page_size", in: "query", schema: { type: "integer", default: 20 } },
        ],
        responses: answer({ type: "array", items: { type: "object" } }),
      },
    },
  },
  components: {
    parameters: { PageKey: { name: "page_key", in: "query", schema: { type: "string" } } },
    schemas: {
      Envelope: {
        type: "object",
        properties: { status: { type: "string" }, info: { type: "string" } },
      },
      ThingPage: {
        type: "object",
        properties: {
          data: {
            oneOf: [
              { type: "object", additionalProperties: { type: "object" } },
              { type: "array", maxItems: 0 },
            ],
          },
          next_page_key: { type: ["string", "null"] },
        },
      },
    },
  },
};

describe("manifest generator", () => {
  it("records bodies that cannot be forms, paging kind and item field, following $ref, allOf and oneOf", () => {
    expect(buildManifest(fixture)).toEqual({
      // POST /articles takes form and multipart: a form by default, nothing to record.
      bodies: { "POST /uploads": "m" },
      pages: {
        "/things.by": ["c", "data"],
        "/things.by.status": ["o", "ids"],
        "/articles": ["o", "data"],
        "/bare": ["o", ""],
        "/catalogue": ["p", "", 20],
      },
    });
  });

  it("refuses page-number paging without a default page size (the last page could not be told)", () => {
    const doc = structuredClone(fixture) as { paths: Record<string, Doc> };
    doc.paths["/sizeless"] = {
      get: {
        parameters: [query("page"), query("page_size")],
        responses: answer({ type: "array" }),
      },
    };
    expect(() => buildManifest(doc)).toThrow(
      "GET /sizeless pages with page and page_size, but page_size has no default",
    );
  });

  it("refuses a paged answer whose items it cannot locate", () => {
    const doc = structuredClone(fixture) as { paths: Record<string, Doc> };
    doc.paths["/two"] = {
      get: {
        parameters: [query("offset")],
        responses: answer({
          type: "object",
          properties: { a: { type: "array" }, b: { type: "array" } },
        }),
      },
    };
    expect(() => buildManifest(doc)).toThrow(
      "GET /two is offset-paged but its 200 answer has 2 item collections (a, b)",
    );
  });

  it("refuses a write body the client cannot send", () => {
    const doc = structuredClone(fixture) as { paths: Record<string, Doc> };
    doc.paths["/json"] = {
      post: {
        requestBody: { content: { "application/json": { schema: {} } } },
        responses: { "200": ok },
      },
    };
    expect(() => buildManifest(doc)).toThrow("POST /json takes application/json");
  });

  it("renders a module with sorted keys and the package version", () => {
    const text: string = renderManifest(
      { bodies: { "PUT /b": "m", "POST /a": "fm" }, pages: {} },
      "9.9.9",
    );
    expect(text).toContain('export const version = "9.9.9";');
    expect(text).toContain(
      'export const bodies: Record<string, string> = {"POST /a":"fm","PUT /b":"m"};',
    );
  });

  it("src/generated/manifest.ts is current with the bundle and package.json", () => {
    const bundle = JSON.parse(
      readFileSync(new URL("../../../openapi/dist/openapi.json", import.meta.url), "utf8"),
    );
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect({ bodies, pages, version }).toEqual({ ...buildManifest(bundle), version: pkg.version });
  });
});
