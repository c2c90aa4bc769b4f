// Request Attributes in sandbox mode, through the client: the catalogues of the built-in seed,
// the statuses being the 1-8 of docs/wire.md#request-statuses.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

describe("request attributes", () => {
  it("lists the statuses 1-8 under both names, and one by id", async ({ mock, checker }) => {
    const sd = checker.clientFor("attributes", mock.apiUrl);
    const expected = [
      { id: 1, name: "New" },
      { id: 2, name: "Open" },
      { id: 3, name: "Pending" },
      { id: 4, name: "Waiting" },
      { id: 5, name: "Solved" },
      { id: 6, name: "Closed" },
      { id: 7, name: "Rejected" },
      { id: 8, name: "Cancelled" },
    ];
    expect((await sd.GET("/incident.attributes.status")).data).toEqual(expected);
    expect((await sd.GET("/incident.attributes.statuses")).data).toEqual(expected);
    const one = await sd.GET("/incident.attributes.status", { params: { query: { id: 5 } } });
    expect(one.data).toEqual([{ id: 5, name: "Solved" }]);
    const none = await sd.GET("/incident.attributes.status", { params: { query: { id: 42 } } });
    expect(none.data).toEqual([]);
  });

  it("lists priorities, sources and types from the seed", async ({ mock, checker }) => {
    const sd = checker.clientFor("attributes", mock.apiUrl);
    const priorities = await sd.GET("/incident.attributes.priority");
    expect((priorities.data as { name: string }[]).map((p) => p.name)).toEqual([
      "Low",
      "Medium",
      "High",
      "Urgent",
      "Critical",
    ]);
    const source = await sd.GET("/incident.attributes.source", { params: { query: { id: 2 } } });
    // Production's numbering: 1 is email, 2 the web portal (CA endpoints-reference).
    expect(source.data).toEqual([{ id: 2, name: "Web" }]);
    const type = await sd.GET("/incident.attributes.type", { params: { query: { id: 6 } } });
    expect(type.data).toEqual([{ id: 6, name: "Major incident" }]);
  });
});
