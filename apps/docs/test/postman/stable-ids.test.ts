import { describe, expect, it } from "vitest";
import { stableId, stableIds } from "../../src/postman/steps/stable-ids.js";
import { requestItems } from "../../src/postman/requests.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

describe("stableIds", () => {
  it("derives UUID-shaped ids from names, the same on every build", () => {
    expect(stableId("a")).toBe(stableId("a"));
    expect(stableId("a")).not.toBe(stableId("b"));
    expect(stableId("a")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("replaces every random id of the converter: collection, folders, requests, examples", () => {
    const first = stableIds(converterOutput(), fixtureDocument());
    const second = stableIds(converterOutput(), fixtureDocument());
    expect(first).toEqual(second);
    const ids = [
      first.info._postman_id,
      ...first.item.map((folder: any) => folder.id),
      ...requestItems(first).flatMap((item) => [item.id, ...item.response.map((r: any) => r.id)]),
    ];
    expect(ids.filter((id) => String(id).startsWith("random"))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
