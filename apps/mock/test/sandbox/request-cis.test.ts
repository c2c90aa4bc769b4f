// The Requests handlers that read configuration items (the Lists domain's `ci` kind), on a
// store holding a few CIs: relating by keyword, adding CIs to a CI custom field, and counting
// requests per CI since a moment.
import { describe, expect, it } from "vitest";
import type { Json, JsonObject } from "../../src/spec/description.js";
import type { Operation } from "../../src/spec/operations.js";
import { dateWriter } from "../../src/sandbox/dates.js";
import { REQUEST, REQUEST_CI } from "../../src/sandbox/records/requests.js";
import { itemHandlers } from "../../src/sandbox/domains/requests/items.js";
import type { RegisteredHandler } from "../../src/sandbox/handler.js";
import { sqlite } from "../../src/sandbox/sqlite.js";
import { TenantStore } from "../../src/sandbox/store.js";

function tenant() {
  const store = new TenantStore(new (sqlite().DatabaseSync)(":memory:"));
  const request = (id: number, status_id: number, type_id: number, created_at: number) =>
    store.put(REQUEST, {
      id,
      status_id,
      type_id,
      created_at,
      last_update: created_at,
      custom_fields: [],
    });
  request(4211, 2, 1, 1793610840);
  request(4212, 1, 2, 1793791800);
  request(4198, 6, 4, 1793612400);
  store.put("ci", {
    id: 7734,
    ci_name: "LT-0457 Dell Latitude 7440",
    group: "Laptops",
    ci_source_id: 2,
  });
  store.put("ci", {
    id: 7735,
    ci_name: "LT-0458 Dell Latitude 7440",
    group: "Laptops",
    ci_source_id: 2,
  });
  store.put("ci", { id: 9001, ci_name: "SRV-EU-MAIL", group: "Servers", ci_source_id: 3 });
  return store;
}

function call(store: TenantStore, operationId: string, params: JsonObject, now = 1793800000) {
  const handler = (itemHandlers as Record<string, RegisteredHandler | undefined>)[operationId];
  if (!handler) throw new Error(`no handler ${operationId}`);
  return handler({
    params,
    store,
    now,
    dates: dateWriter("epoch"),
    operation: { operationId } as Operation,
  }).body as Json;
}

describe("configuration items on requests", () => {
  it("relates the CIs a keyword matches, partly or exactly", () => {
    const store = tenant();
    expect(
      call(store, "relateIncidentCiByKeyword", { request_id: 4211, keyword: "latitude" }),
    ).toEqual({ status: "OK", info: "2 CIs related to request 4211." });
    expect(store.related(REQUEST_CI, 4211)).toEqual([7734, 7735]);
    expect(
      call(store, "relateIncidentCiByKeyword", {
        request_id: 4212,
        keyword: "latitude",
        exact_match: true,
      }),
    ).toMatchObject({ info: "0 CIs related to request 4212." });
    expect(
      call(store, "relateIncidentCiByKeyword", { request_id: 999999, keyword: "LT" }),
    ).toMatchObject({ status: "ERROR" });
  });

  it("adds the CIs named exactly to a CI custom field, keeping those already there", () => {
    const store = tenant();
    const add = (name: string) =>
      call(store, "addIncidentCustomFieldItem", {
        request_id: 4211,
        author_id: 1042,
        custom_field_uid: 23,
        values: [name],
      });
    expect(add("LT-0457 Dell Latitude 7440")).toMatchObject({ status: "OK" });
    expect(add("LT-0458 Dell Latitude 7440")).toMatchObject({ status: "OK" });
    expect(add("LT-0458")).toMatchObject({
      info: "0 configuration items added to custom field 23.",
    });
    expect(store.get(REQUEST, 4211)?.["custom_fields"]).toEqual({
      "23": { "7734": "LT-0457 Dell Latitude 7440", "7735": "LT-0458 Dell Latitude 7440" },
    });
  });

  it("counts the requests of each CI of a source since a moment, by status and open type", () => {
    const store = tenant();
    store.relate(REQUEST_CI, 4211, 7734);
    store.relate(REQUEST_CI, 4212, 7734);
    store.relate(REQUEST_CI, 4198, 7734);
    store.relate(REQUEST_CI, 4198, 7735);
    store.relate(REQUEST_CI, 4211, 9001);
    expect(call(store, "countIncidentLinkedCis", { from: 1793610840, cis_source_id: 2 })).toEqual([
      {
        ci_id: 7734,
        group: "Laptops",
        requests: { status: { "1": 1, "2": 1, "6": 1 }, type: { "1": 1, "2": 1 } },
      },
      { ci_id: 7735, group: "Laptops", requests: { status: { "6": 1 }, type: [] } },
    ]);
    // From a later moment only 4212 (created 1793791800) counts.
    expect(call(store, "countIncidentLinkedCis", { from: 1793700000, cis_source_id: 2 })).toEqual([
      { ci_id: 7734, group: "Laptops", requests: { status: { "1": 1 }, type: { "2": 1 } } },
    ]);
    expect(call(store, "countIncidentLinkedCis", { from: 0, cis_source_id: 99 })).toEqual([]);
  });
});
