// Locations: a tree (each location may nest under another), with users placed in them.
import { describe, expect } from "vitest";
import { peopleChoices } from "../support/checked-client.js";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest({ undescribed: peopleChoices });

describe("locations", () => {
  it("nests a new location, places a user there, and reads both back", async ({ client }) => {
    const sd = client("locations-life");
    const created = await sd.POST("/locations", { body: { name: "Dock 2", parent_id: 4 } });
    expect(created.data).toMatchObject({ status: "OK", id: 5 });
    expect((await sd.GET("/locations", { params: { query: { id: 5 } } })).data).toEqual([
      { id: 5, name: "Dock 2", total: 0, parent_id: 4 },
    ]);

    const placed = await sd.POST("/locations.users", { body: { id: 5, users: [1190] } });
    expect(placed.data).toEqual({ "1190": true });
    const users = await sd.GET("/locations.users", { params: { query: { id: 5 } } });
    expect((users.data as Array<{ id: number }>).map((u) => u.id)).toEqual([1190]);
    expect((await sd.GET("/locations", { params: { query: { id: 5 } } })).data).toMatchObject([
      { total: 1 },
    ]);
  });

  it("deletes a location with every location below it", async ({ client }) => {
    const sd = client("locations-delete");
    await sd.POST("/locations", { body: { name: "Dock 2", parent_id: 4 } });
    expect((await sd.DELETE("/locations", { params: { query: { id: 3 } } })).data).toMatchObject({
      status: "OK",
    });
    expect((await sd.GET("/locations", {})).data).toEqual([]);
  });

  it("refuses a parent that does not exist, a nameless location, and writes to nothing", async ({
    client,
  }) => {
    const sd = client("locations-refusals");
    expect(
      (await sd.POST("/locations", { body: { name: "Nowhere", parent_id: 999 } })).data,
    ).toEqual({ status: "ERROR", info: "There is no location with id 999 to nest under." });
    expect((await sd.POST("/locations", { body: { name: " " } })).data).toEqual({
      status: "ERROR",
      info: "The location needs a name.",
    });
    expect((await sd.POST("/locations.users", { body: { id: 999, users: [1042] } })).data).toEqual({
      status: "ERROR",
      info: "There is no location with id 999.",
    });
    expect((await sd.GET("/locations", {})).data).toEqual([
      { id: 3, name: "Rotterdam Office", total: 2, parent_id: 0 },
      { id: 4, name: "Rotterdam Warehouse", total: 0, parent_id: 3 },
    ]);
  });
});
