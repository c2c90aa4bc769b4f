// The Observers domain in sandbox mode, through the client over real HTTP: observers added to
// and removed from a company, group, help desk, level and location read back from the lists,
// one flag per user says what changed, and another credential's sandbox is untouched.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

/** Each observed kind, its endpoint, and a seeded record of it that user 1051 observes. */
const TARGETS = [
  { kind: "company", path: "/companies.observers", id: 8 },
  { kind: "group", path: "/groups.observers", id: 5 },
  { kind: "help desk", path: "/helpdesks.observers", id: 12 },
  { kind: "level", path: "/levels.observers", id: 31 },
  { kind: "location", path: "/locations.observers", id: 3 },
] as const;

type Entry = { id: number; name?: string; observer_users: number[]; observer_groups: number[] };

describe.each(TARGETS)("observers of a $kind", ({ path, id }) => {
  it("are added, removed and read back", async ({ client }) => {
    const sd = client(`observers-${path}`);
    const read = async () => {
      const { data } = await sd.GET(path, { params: { query: { ids: [id] } } });
      return data as Entry[];
    };
    expect((await read())[0]).toMatchObject({ id, observer_users: [1051] });

    const added = await sd.POST(path, { body: { id, observer_users: [1190, 1051] } });
    expect(added.response.status).toBe(200);
    // 1190 became an observer; 1051 already was, so nothing changed for her.
    expect(added.data).toEqual({ "1190": true, "1051": false });
    expect((await read())[0]).toMatchObject({ id, observer_users: [1051, 1190] });

    const removed = await sd.DELETE(path, {
      params: { query: { id, observer_users: [1051, 1042] } },
    });
    // 1042 never observed the record: false, nothing removed.
    expect(removed.data).toEqual({ "1051": true, "1042": false });
    expect((await read())[0]).toMatchObject({ id, observer_users: [1190] });

    // Another credential's sandbox still has the seed's observers.
    const other = await client(`observers-other-${path}`).GET(path, {
      params: { query: { ids: [id] } },
    });
    expect((other.data as Entry[])[0]?.observer_users).toEqual([1051]);
  });
});

describe("observers of help desks and levels", () => {
  it("list every live help desk with its name and observing groups", async ({ client }) => {
    const { data } = await client("observers-list").GET("/helpdesks.observers", {});
    expect(data).toEqual([
      { id: 12, name: "IT Support", observer_users: [1051], observer_groups: [5] },
    ]);
  });

  it("answers false for every user when the help desk or level does not exist", async ({
    client,
  }) => {
    const sd = client("observers-unknown");
    const added = await sd.POST("/helpdesks.observers", {
      body: { id: 99, observer_users: [1190] },
    });
    expect(added.data).toEqual({ "1190": false });
    const level = await sd.POST("/levels.observers", { body: { id: 99, observer_users: [1190] } });
    expect(level.data).toEqual({ "1190": false });
    const listed = await sd.GET("/helpdesks.observers", { params: { query: { ids: [99] } } });
    expect(listed.data).toEqual([]);
  });

  it("answers 428 naming observer_users when it is missing", async ({ mock }) => {
    const response = await fetch(`${mock.apiUrl}/levels.observers?id=31`, {
      method: "DELETE",
      headers: { authorization: `Basic ${Buffer.from("observers-428:x").toString("base64")}` },
    });
    expect(response.status).toBe(428);
    const body = (await response.json()) as { invalid_params: Array<{ name: string }> };
    expect(body.invalid_params.map((p) => p.name)).toEqual(["observer_users"]);
  });
});
