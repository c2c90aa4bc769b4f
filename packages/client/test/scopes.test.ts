import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scopesFor, type Operation } from "../src/index.js";

const bundle = JSON.parse(
  readFileSync(new URL("../../../openapi/dist/openapi.json", import.meta.url), "utf8"),
);

describe("scopesFor", () => {
  it("returns the exact, sorted, de-duplicated scope list", () => {
    expect(
      scopesFor(["PUT /incident", "GET /incident", "GET /incidents.by.status", "GET /incident"]),
    ).toEqual(["api.v1.incident:get", "api.v1.incident:put", "api.v1.incidents.by.status:get"]);
    expect(scopesFor([])).toEqual([]);
  });

  it("knows the operations that only the vendor's current reference documents", () => {
    expect(
      scopesFor([
        "PUT /companies",
        "POST /timetracking",
        "POST /incident.cancel",
        "GET /data.export",
      ]),
    ).toEqual([
      "api.v1.companies:put",
      "api.v1.data.export:get",
      "api.v1.incident.cancel:post",
      "api.v1.timetracking:post",
    ]);
  });

  it("derives, for every operation of the description, the scope its security requirement names", () => {
    const operations: [Operation, string[]][] = [];
    for (const [path, item] of Object.entries<
      Record<string, { security?: Record<string, string[]>[] }>
    >(bundle.paths)) {
      for (const method of ["get", "put", "post", "patch", "delete"]) {
        const security = item[method]?.security;
        if (!security) continue;
        const oauth = security.flatMap((requirement) => requirement.oauth2 ?? []);
        operations.push([`${method.toUpperCase()} ${path}` as Operation, oauth]);
      }
    }
    expect(operations.length).toBeGreaterThan(0);
    for (const [operation, described] of operations)
      expect([operation, scopesFor([operation])]).toEqual([operation, described]);
  });
});
