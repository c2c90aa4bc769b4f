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
    const [production, manual] = okSchema("get", "/incidents.last.hour").oneOf;
    expect(manual.type).toBe("array");
    const schema = resolve(production);
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

describe("GET /users.groups entries", () => {
  const entry = () => resolve(okSchema("get", "/users.groups").items);
  const INVGO_KEYS = [
    "engine_id",
    "holidays_calendar",
    "level_order",
    "org_id",
    "parent_id",
    "queue_for_next_shift",
    "scale_rule_id",
    "status_id",
    "type_id",
  ];

  it("keys groups, help desks and locations by id (or [] when empty)", () => {
    for (const key of ["groups", "helpdesks", "locations"]) {
      const [map, empty] = entry().properties[key].oneOf;
      expect(map.type, key).toBe("object");
      expect(map.propertyNames.pattern, key).toBe("^[0-9]+$");
      expect(empty, key).toMatchObject({ type: "array", maxItems: 0 });
    }
    for (const key of ["companies", "groups_observed", "locations_observed"])
      expect(entry().properties[key].type, key).toBe("array");
  });

  it("describes the nine further keys invgo decodes on group and help desk entries", () => {
    for (const key of ["groups", "helpdesks"]) {
      const member = resolve(entry().properties[key].oneOf[0].additionalProperties);
      const own = member.allOf.map(resolve).flatMap((part: Json) => Object.keys(part.properties));
      expect(own, key).toEqual(expect.arrayContaining([...INVGO_KEYS, "is_default", "time_zone"]));
    }
  });
});

describe("time tracking", () => {
  it("types total as production's integer first, still admitting the manual's string", () => {
    const entry = resolve(bundle.components.schemas.TimeTrackingEntry);
    expect(entry.properties.total.type).toEqual(["integer", "string"]);
    expect(entry.properties.total.description).toMatch(/Production sends a JSON integer/);
  });

  it("shows DELETE /timetracking refused with 200 ERROR for an existing entry, and says why", () => {
    const examples = Object.values(okExamples("delete", "/timetracking"));
    expect(examples.map((example) => example.value.status)).toEqual(["ERROR"]);
    expect(operation("delete", "/timetracking").description).toMatch(/permanent/);
  });
});

describe("reads of one record answer false for an unknown id", () => {
  it.each(["/incident", "/user", "/user.by", "/incident.attachment"])(
    "GET %s describes false beside the record, with an example",
    (path) => {
      const alternatives = okSchema("get", path).oneOf;
      expect(alternatives).toContainEqual(expect.objectContaining({ const: false }));
      const values = Object.values(okExamples("get", path)).map((example) => example.value);
      expect(values).toContain(false);
    },
  );
});

describe("request fields as production writes them", () => {
  it("shows pretty_id as # followed by the id in every example", () => {
    const request = resolve(bundle.components.schemas.Request);
    expect(request.properties.pretty_id.description).toMatch(/`#4211`/);
    const found = JSON.stringify(bundle).match(/"pretty_id":"[^"]*"/g) ?? [];
    expect(found.length).toBeGreaterThan(0);
    for (const pair of found) expect(pair).toMatch(/^"pretty_id":"#\d+"$/);
  });
});

describe("tasks and levels", () => {
  it("types a task's description as a string or null", () => {
    const task = resolve(bundle.components.schemas.IncidentTask);
    expect(task.properties.description.type).toEqual(["string", "null"]);
  });

  it("describes type_id and parent_id on levels", () => {
    const level = resolve(bundle.components.schemas.HelpDeskLevel);
    expect(level.properties.type_id.type).toBe("integer");
    expect(level.properties.parent_id.type).toBe("integer");
  });
});

describe("POST /incident bodies", () => {
  it("accepts a JSON object beside the form and multipart bodies", () => {
    const content = resolve(operation("post", "/incident").requestBody).content;
    expect(Object.keys(content)).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "application/json",
    ]);
    expect(resolve(content["application/json"].schema).title).toBe("NewRequest");
  });
});

describe("the knowledge base", () => {
  it("pages GET /kb.articles by page and page_size, 20 by default", () => {
    const params = operation("get", "/kb.articles").parameters.map(resolve);
    const size = params.find((p: Json) => p.name === "page_size");
    expect(size.schema.default).toBe(20);
    expect(params.map((p: Json) => p.name)).toContain("page");
  });

  it("lets POST /kb.articles take an empty is_private, which publishes the article", () => {
    const body = resolve(bundle.components.schemas.NewKbArticle);
    expect(body.properties.is_private.type).toEqual(["boolean", "null"]);
    expect(body.properties.is_private.description).toMatch(/empty/);
  });
});
