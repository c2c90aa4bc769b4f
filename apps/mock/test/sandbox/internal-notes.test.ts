// Internal notes in the sandbox, through the client over real HTTP: written, changed, listed
// and deleted, with the capital-S `Status` envelope of this tag.
import { describe, expect } from "vitest";
import type { Client } from "../support/checked-client.js";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

const read = async (
  sd: Client,
  query: { id: number; object_type?: 1 | 2 | 3 | 4 | 5; object_id?: number },
) =>
  (await sd.GET("/internalnotes", { params: { query } })).data as unknown as Array<
    Record<string, unknown>
  >;

describe("internal notes", () => {
  it("are created, changed, listed and deleted", async ({ client }) => {
    const sd = client("notes-scenario");
    const created = await sd.POST("/internalnotes", {
      body: {
        title: "Contract ends in March",
        description: "Jonas's VPN access ends with his contract.",
        author_id: 1042,
        object_type: 1,
        object_id: 1190,
      },
    });
    expect(created.data).toEqual({ Status: "OK" });
    const [note] = await read(sd, { id: 89 });
    expect(note).toMatchObject({
      id: 89,
      title: "Contract ends in March",
      object_type: 1,
      object_id: 1190,
      author_id: 1042,
      last_author: 1042,
      created_at: expect.any(Number),
    });

    const changed = await sd.PUT("/internalnotes", {
      body: { id: 89, author_id: 1051, description: "Access ends on 31 March." },
    });
    expect(changed.data).toEqual({ Status: "OK" });
    expect((await read(sd, { id: 89 }))[0]).toMatchObject({
      title: "Contract ends in March",
      description: "Access ends on 31 March.",
      author_id: 1042,
      last_author: 1051,
    });

    // id 0 reads every note; the object filters narrow it.
    expect((await read(sd, { id: 0 })).map((n) => n["id"])).toEqual([88, 89]);
    expect(
      (await read(sd, { id: 0, object_type: 1, object_id: 1187 })).map((n) => n["id"]),
    ).toEqual([88]);
    expect(await read(sd, { id: 88, object_type: 2 })).toEqual([]);

    const removed = await sd.DELETE("/internalnotes", {
      params: { query: { id: 89, author_id: 1042 } },
    });
    expect(removed.data).toEqual({ Status: "OK" });
    expect(await read(sd, { id: 89 })).toEqual([]);
    expect((await read(sd, { id: 0 })).map((n) => n["id"])).toEqual([88]);
  });

  it("writes dates as asked", async ({ client }) => {
    const sd = client("notes-dates");
    const [note] = (
      await sd.GET("/internalnotes", { params: { query: { id: 88, date_format: "iso8601" } } })
    ).data as unknown as Array<Record<string, unknown>>;
    expect(note).toMatchObject({
      created_at: "2026-11-02T09:40:00+00:00",
      last_update: "2026-11-03T13:20:00+00:00",
    });
  });

  it("refuses changes to a note that does not exist, with Status ERROR and a reason", async ({
    client,
  }) => {
    const sd = client("notes-refusals");
    const change = await sd.PUT("/internalnotes", {
      body: { id: 999, author_id: 1042, title: "x" },
    });
    expect(change.data).toEqual({
      Status: "ERROR",
      info: "There is no internal note with id 999.",
    });
    const remove = await sd.DELETE("/internalnotes", {
      params: { query: { id: 999, author_id: 1042 } },
    });
    expect(remove.data).toMatchObject({ Status: "ERROR" });
    const bad = await sd.POST("/internalnotes", {
      body: {
        title: "x",
        description: "y",
        author_id: 1042,
        object_type: 9,
        object_id: 1,
      } as never,
    });
    expect(bad.response.status).toBe(428);
    expect(await read(sd, { id: 0 })).toHaveLength(1);
  });
});
