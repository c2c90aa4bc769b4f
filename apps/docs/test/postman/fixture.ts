// A small description with the shapes the post-processing cares about, and a collection shaped
// like the converter's output for it (requests grouped in the wrong order, `auth: null`,
// bare repeated array names, `true` for booleans, a plain-text description).
import type { OpenApiDocument } from "../../src/openapi/operations.js";

const envelope = {
  type: "object",
  properties: { status: { type: "string", enum: ["OK", "ERROR"] }, info: { type: "string" } },
};

export function fixtureDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "Fixture API", version: "1.0.0", summary: "A fixture.", description: "Long." },
    servers: [
      {
        url: "https://{instance}/api/v1",
        variables: { instance: { default: "acme.example", description: "The host." } },
      },
    ],
    tags: [
      { name: "Requests", description: "About requests." },
      { name: "Companies", description: "About companies." },
      { name: "Request Lists", description: "Lists." },
    ],
    "x-tagGroups": [
      { name: "Requests", tags: ["Requests", "Request Lists"] },
      { name: "People", tags: ["Companies"] },
    ],
    paths: {
      "/companies.users": {
        post: {
          operationId: "addCompanyUsers",
          tags: ["Companies"],
          summary: "Add users to a company",
          description: "Adds `users` to a company.",
          security: [{ basicAuth: [] }, { oauth2: ["api.v1.companies.users:post"] }],
          requestBody: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: {
                  type: "object",
                  required: ["id", "users"],
                  properties: {
                    id: { type: "integer", description: "The company." },
                    users: { type: "array", items: { type: "integer" } },
                  },
                },
                examples: { two: { value: { id: 8, users: [1187, 1190] } } },
              },
            },
          },
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
      "/incident": {
        put: {
          operationId: "updateIncident",
          tags: ["Requests"],
          summary: "Change a request",
          description: "Changes a request.",
          requestBody: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: {
                  type: "object",
                  properties: {
                    id: { type: "integer" },
                    reassignment: { type: "boolean", description: "Route again." },
                  },
                },
                examples: { change: { value: { id: 4211, reassignment: false } } },
              },
            },
          },
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { oneOf: [{ type: "object", properties: { id: {} } }, envelope] },
                },
              },
            },
          },
        },
        post: {
          operationId: "createIncident",
          tags: ["Requests"],
          summary: "Create a request",
          description: "Creates a request.",
          requestBody: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: { $ref: "#/components/schemas/NewRequest" },
                examples: { plain: { value: { title: "VPN", attachments: ["a"] } } },
              },
              "multipart/form-data": {
                schema: { $ref: "#/components/schemas/NewRequest" },
                examples: {
                  files: {
                    value: { title: "Boot", attachments: ["(contents of boot.jpg)", 7001] },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Result" } } },
            },
          },
        },
        get: {
          operationId: "getIncident",
          tags: ["Requests"],
          summary: "Get a request",
          description: "Reads a request.",
          parameters: [
            { name: "id", in: "query", required: true, schema: { type: "integer" }, example: 4211 },
            { name: "comments", in: "query", schema: { type: "boolean" }, example: true },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
      "/incidents": {
        get: {
          operationId: "listIncidents",
          tags: ["Request Lists"],
          summary: "Get several requests",
          description: "Reads requests.",
          parameters: [
            {
              name: "ids",
              in: "query",
              required: true,
              description: "The requests.",
              schema: { type: "array", items: { type: "integer" } },
              example: [4211, 4212],
            },
            {
              name: "key_values",
              in: "query",
              style: "deepObject",
              schema: { type: "object" },
              example: { color: "blue" },
            },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        NewRequest: {
          allOf: [
            { type: "object", required: ["title"], properties: { title: { type: "string" } } },
            {
              type: "object",
              properties: {
                attachments: {
                  type: "array",
                  description: "Files.",
                  items: { anyOf: [{ type: "string", format: "binary" }, { type: "integer" }] },
                },
              },
            },
          ],
        },
        Result: { allOf: [envelope, { type: "object", properties: { request_id: {} } }] },
      },
    },
  };
}

/** A converter-shaped request item. */
function request(name: string, method: string, path: string, extra: Record<string, unknown> = {}) {
  return {
    id: `random-${name}`,
    name,
    request: {
      name,
      description: { content: "plain", type: "text/plain" },
      url: { path: [path], host: ["{{baseUrl}}"], query: [], variable: [] },
      header: [{ key: "Accept", value: "application/json" }],
      method,
      auth: null,
      ...extra,
    },
    response: [
      {
        id: "random-example",
        name: "ok",
        code: 200,
        originalRequest: { method, url: { path: [path], host: ["{{baseUrl}}"] } },
        body: "{}",
      },
    ],
    event: [],
  };
}

/** What openapi-to-postmanv2 makes of the fixture, in outline. */
export function converterOutput(): Record<string, any> {
  return {
    info: { _postman_id: "random", name: "Fixture API", schema: "v2.1", description: "x" },
    auth: {
      type: "basic",
      basic: [
        { key: "username", value: "{{basicAuthUsername}}" },
        { key: "password", value: "{{basicAuthPassword}}" },
      ],
    },
    variable: [{ key: "baseUrl", value: "https://{{instance}}/api/v1" }],
    item: [
      {
        name: "Companies",
        item: [
          request("Add users to a company", "POST", "companies.users", {
            header: [
              { key: "Content-Type", value: "application/x-www-form-urlencoded" },
              { key: "Accept", value: "application/json" },
            ],
            body: {
              mode: "urlencoded",
              urlencoded: [
                { key: "users", value: "1187" },
                { key: "users", value: "1190" },
                { key: "id", value: "8" },
              ],
            },
          }),
        ],
      },
      {
        name: "Requests",
        item: [
          request("Get a request", "GET", "incident", {
            url: {
              path: ["incident"],
              host: ["{{baseUrl}}"],
              query: [{ key: "comments", value: "true" }],
            },
          }),
          request("Change a request", "PUT", "incident"),
          request("Create a request", "POST", "incident", {
            header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
            body: { mode: "urlencoded", urlencoded: [{ key: "title", value: "string" }] },
          }),
        ],
      },
      { name: "Request Lists", item: [request("Get several requests", "GET", "incidents")] },
    ],
  };
}
