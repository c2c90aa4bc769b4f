// Groups: create, list, membership and delete, on the tenant's own copy of the example data.
import { describe, expect } from "vitest";
import { peopleChoices } from "../support/checked-client.js";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest({ undescribed: peopleChoices });

const memberIds = (data: unknown) => (data as Array<{ id: number }>).map((u) => u.id);

describe("groups", () => {
  it("creates a group, adds users, reads them back, and removes one", async ({ client }) => {
    const sd = client("groups-life");
    const created = await sd.POST("/groups", { body: { name: "Night Shift" } });
    expect(created.data).toMatchObject({ status: "OK", id: 7 });

    const added = await sd.POST("/groups.users", { body: { id: 7, users: [1042, 1190] } });
    expect(added.data).toEqual({ "1042": true, "1190": true });
    // Adding a member again changes nothing, and says so.
    const again = await sd.POST("/groups.users", { body: { id: 7, users: [1042] } });
    expect(again.data).toEqual({ "1042": false });

    expect((await sd.GET("/groups", { params: { query: { id: 7 } } })).data).toEqual([
      { id: 7, name: "Night Shift", total: 2 },
    ]);
    const members = await sd.GET("/groups.users", { params: { query: { id: 7 } } });
    expect(memberIds(members.data)).toEqual([1042, 1190]);

    await sd.DELETE("/groups.users", { params: { query: { id: 7, users: [1190] } } });
    const left = await sd.GET("/groups.users", { params: { query: { id: 7 } } });
    expect(memberIds(left.data)).toEqual([1042]);
  });

  it("starts from the example groups, each with its members", async ({ client }) => {
    const sd = client("groups-seed");
    expect((await sd.GET("/groups", {})).data).toEqual([
      { id: 5, name: "Field Technicians", total: 2 },
      { id: 6, name: "Warehouse Staff", total: 0 },
    ]);
    const members = await sd.GET("/groups.users", { params: { query: { id: 5 } } });
    expect(memberIds(members.data)).toEqual([1042, 1051]);
  });

  it("deletes a group and its memberships, but not its users", async ({ client }) => {
    const sd = client("groups-delete");
    expect((await sd.DELETE("/groups", { params: { query: { id: 5 } } })).data).toMatchObject({
      status: "OK",
    });
    expect((await sd.GET("/groups", { params: { query: { id: 5 } } })).data).toEqual([]);
    expect((await sd.GET("/groups.users", { params: { query: { id: 5 } } })).data).toEqual([]);
    expect((await sd.GET("/user", { params: { query: { id: 1042 } } })).data).toMatchObject({
      id: 1042,
    });
  });

  it("refuses writes to a group that does not exist, and a group without a name", async ({
    client,
  }) => {
    const sd = client("groups-refusals");
    expect((await sd.POST("/groups.users", { body: { id: 999, users: [1042] } })).data).toEqual({
      status: "ERROR",
      info: "There is no group with id 999.",
    });
    expect((await sd.DELETE("/groups", { params: { query: { id: 999 } } })).data).toEqual({
      status: "ERROR",
      info: "There is no group with id 999.",
    });
    expect((await sd.POST("/groups", { body: { name: "  " } })).data).toEqual({
      status: "ERROR",
      info: "The group needs a name.",
    });
    expect((await sd.GET("/groups", {})).data).toHaveLength(2);
  });
});
