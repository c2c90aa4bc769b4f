// What teams calling live instances reported (docs/wire.md, "Production notes"), checked on the
// bundle: each test names the production fact the description must keep saying.
import { describe, expect, it } from "vitest";
import { bundle, type Json, resolve } from "./bundle.js";

/** The operation object of `method path`. */
function operation(method: string, path: string): Json {
  const op = bundle.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not described`);
  return op;
}

/** The named examples of an operation's 200 JSON answer. */
function okExamples(method: string, path: string): Record<string, Json> {
  const response = resolve(operation(method, path).responses["200"]);
  return response.content["application/json"].examples ?? {};
}

/** The schema of an operation's 200 JSON answer, references followed. */
function okSchema(method: string, path: string): Json {
  const response = resolve(operation(method, path).responses["200"]);
  return resolve(response.content["application/json"].schema);
}

describe("soft refusals: production answers HTTP 200 with status ERROR, not 428", () => {
  it.each([
    ["/incidents.by.status", undefined],
    ["/incidents.by.agent", undefined],
    ["/incidents.by.customer", undefined],
    ["/incidents.by.sentiment", undefined],
    ["/incidents.by.helpdesk", "None of the provided helpdesk_ids is an INTEGER."],
  ])("GET %s shows a named 200 ERROR example", (path, info) => {
    const refusals = Object.values(okExamples("get", path)).filter(
      (example) => example.value?.status === "ERROR",
    );
    expect(refusals).toHaveLength(1);
    if (info) expect(refusals[0].value.info).toBe(info);
    expect(operation("get", path).description).toMatch(/HTTP 200/);
  });
});

describe("paging caps and defaults production applies", () => {
  it("states the 500 cap of GET /incidents.by.status on the operation and on its limit", () => {
    const op = operation("get", "/incidents.by.status");
    expect(op.description).toMatch(/at most 500 ids/);
    const limit = op.parameters.find((p: Json) => resolve(p).name === "limit");
    expect(limit.description).toMatch(/500/);
  });
});

describe("answer shapes production sends", () => {
  it("GET /incidents.last.hour answers {data, next_page_key}, with no status envelope", () => {
    const schema = okSchema("get", "/incidents.last.hour");
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(["data", "next_page_key"]);
    expect(resolve(schema.properties.data.items).title).toBe("Request");
    expect(schema.properties).not.toHaveProperty("status");
    for (const example of Object.values(okExamples("get", "/incidents.last.hour")))
      expect(Object.keys(example.value).sort()).toEqual(["data", "next_page_key"]);
  });

  it("GET /incidents.by.view shows no total and says it is not sent", () => {
    for (const example of Object.values(okExamples("get", "/incidents.by.view")))
      expect(example.value).not.toHaveProperty("total");
    expect(operation("get", "/incidents.by.view").description).toMatch(/no `total`/);
  });
});
