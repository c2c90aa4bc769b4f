// The Help Desks domain in sandbox mode, through the client over real HTTP: help desks and
// levels read from the seed, one object when fetched by id or name, removed records only where
// the description says, and GET /helpdesksandlevels consistent with the two other calls.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

/** The built-in seed plus a removed help desk and a removed level of help desk 12. */
const seed = {
  extends: "builtin",
  records: {
    helpdesk: [
      { id: 13, name: "Old Facilities", parent_id: 0, status_id: 4, engine_id: 3, deleted: true },
    ],
    level: [
      {
        id: 33,
        parent_id: 12,
        level_order: 3,
        status_id: 4,
        engine_id: 4,
        members_ids: [],
        deleted: true,
      },
    ],
  },
};

const it = sandboxTest({ seed });

const IT_SUPPORT = { id: 12, name: "IT Support", parent_id: 0, status_id: 1, engine_id: 1 };

describe("help desks", () => {
  it("lists the live help desks, or one by id or name as an object", async ({ client }) => {
    const all = await client("help-desks").GET("/helpdesks", {});
    expect(all.data).toEqual([{ ...IT_SUPPORT, total_members: 2 }]);
    const byId = await client("help-desks").GET("/helpdesks", { params: { query: { id: 12 } } });
    expect(byId.data).toEqual({ ...IT_SUPPORT, total_members: 2 });
    const byName = await client("help-desks").GET("/helpdesks", {
      params: { query: { name: "IT Support" } },
    });
    expect(byName.data).toEqual(byId.data);
    const unknown = await client("help-desks").GET("/helpdesks", { params: { query: { id: 99 } } });
    expect(unknown.data).toEqual([]);
  });

  it("shows removed help desks only with include_deleted", async ({ client }) => {
    const { data } = await client("help-desks").GET("/helpdesks", {
      params: { query: { include_deleted: true } },
    });
    expect((data as Array<{ id: number }>).map((desk) => desk.id)).toEqual([12, 13]);
  });
});

describe("levels", () => {
  it("lists levels with removed ones unless include_deleted=0, or one by id", async ({
    client,
  }) => {
    const all = await client("help-desks").GET("/levels", {});
    expect((all.data as Array<{ id: number }>).map((level) => level.id)).toEqual([31, 32, 33]);
    const live = await client("help-desks").GET("/levels", {
      params: { query: { include_deleted: false } },
    });
    // Each level names its help desk in `parent_id`, as production's GET /levels does (CA).
    const level = { parent_id: 12, status_id: 1, total_members: 1 };
    expect(live.data).toEqual([
      { id: 31, ...level, level_order: 1, engine_id: 1, members_ids: [1042] },
      { id: 32, ...level, level_order: 2, engine_id: 4, members_ids: [1051] },
    ]);
    const one = await client("help-desks").GET("/levels", { params: { query: { id: 32 } } });
    expect(one.data).toEqual((live.data as unknown[])[1]);
  });
});

describe("help desks and levels together", () => {
  it("agrees with GET /helpdesks and GET /levels, each desk followed by its levels", async ({
    client,
  }) => {
    const [together, desks, levels] = await Promise.all([
      client("help-desks").GET("/helpdesksandlevels", {}),
      client("help-desks").GET("/helpdesks", {}),
      client("help-desks").GET("/levels", { params: { query: { include_deleted: false } } }),
    ]);
    const entries = together.data as Array<Record<string, unknown>>;
    expect(entries.map((entry) => entry["id"])).toEqual([12, 31, 32]);
    const [desk, ...deskLevels] = entries;
    const { members_ids, ...deskFields } = desk as Record<string, unknown>;
    expect(deskFields).toEqual((desks.data as unknown[])[0]);
    expect(members_ids).toEqual([1042, 1051]);
    expect(deskLevels).toEqual(levels.data);
  });

  it("narrows to one entry by id, and shows removed records with include_deleted", async ({
    client,
  }) => {
    const one = await client("help-desks").GET("/helpdesksandlevels", {
      params: { query: { id: 31 } },
    });
    expect(one.data).toMatchObject([{ id: 31, parent_id: 12, level_order: 1 }]);
    const all = await client("help-desks").GET("/helpdesksandlevels", {
      params: { query: { include_deleted: true } },
    });
    expect((all.data as Array<{ id: number }>).map((entry) => entry.id)).toEqual([
      12, 31, 32, 33, 13,
    ]);
  });

  it("refuses observers on a removed level", async ({ client }) => {
    const added = await client("help-desks").POST("/levels.observers", {
      body: { id: 33, observer_users: [1190] },
    });
    expect(added.data).toEqual({ "1190": false });
  });
});
