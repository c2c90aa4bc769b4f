// Time tracking in the sandbox, through the client over real HTTP: entries logged with POST
// /timetracking, listed by request and by period in both date formats; deletion refused, as production does.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";
import type { Client } from "../support/checked-client.js";

const it = sandboxTest();

type Entry = { timetracking_id: number; from: string; to: string; total: number; status: number };
const list = async (sd: Client, query: Record<string, string | number>) =>
  (await sd.GET("/timetracking", { params: { query } })).data as unknown as Entry[];
const remove = (sd: Client, request_id: number, timetracking_id: number, user_id: number) =>
  sd.DELETE("/timetracking", { params: { query: { request_id, timetracking_id, user_id } } });

describe("time tracking", () => {
  it("logs entries, lists them by request and by period, and deletes them", async ({ client }) => {
    const sd = client("time-scenario");
    const logged = await sd.POST("/timetracking", {
      body: {
        request_id: 4211,
        user_id: 1042,
        category_id: 2,
        from: 1793721900,
        to: 1793723700,
        comment: "Checked the laptop boots",
      },
    });
    expect(logged.data).toMatchObject({ status: "OK", timetracking_id: 2208 });

    expect(await list(sd, { request_id: 4211 })).toEqual([
      expect.objectContaining({ timetracking_id: 2207, from: "2026-11-03 12:35", total: 2700 }),
      {
        timetracking_id: 2208,
        incident: 4211,
        user_id: 1042,
        timetracking_category_id: 2,
        comment: "Checked the laptop boots",
        from: "2026-11-03 16:05",
        to: "2026-11-03 16:35",
        total: 1800,
        status: 1,
      },
    ]);
    const afternoon = await list(sd, {
      from: "2026-11-03T14:00:00+00:00",
      to: "2026-11-03T18:00:00+00:00",
      date_format: "iso8601",
    });
    expect(afternoon).toMatchObject([
      { timetracking_id: 2208, from: "2026-11-03T16:05:00+00:00", to: "2026-11-03T16:35:00+00:00" },
    ]);
    expect(await list(sd, { request_id: 4212 })).toEqual([]);
    const morning = await list(sd, { request_id: 4211, to: "2026-11-03T14:00:00+00:00" });
    expect(morning.map((e) => e.timetracking_id)).toEqual([2207]);

    // Production keeps logged time: deleting an existing entry, all ids right, is refused
    // with 200 ERROR and the entry stays live (MCP, checked live).
    const kept = await remove(sd, 4211, 2208, 1042);
    expect(kept.response.status).toBe(200);
    expect(kept.data).toEqual({
      status: "ERROR",
      info: "Time entry 2208 cannot be deleted; logged time is permanent.",
    });
    expect(
      (await list(sd, { request_id: 4211 })).map((e) => [e.timetracking_id, e.status]),
    ).toEqual([
      [2207, 1],
      [2208, 1],
    ]);
  });

  it("starts an entry at the sandbox's time when from is left out", async ({ client }) => {
    const sd = client("time-now");
    const before = Math.floor(Date.now() / 1000);
    const to = before + 600;
    expect(
      (await sd.POST("/timetracking", { body: { request_id: 4212, user_id: 1042, to } })).data,
    ).toMatchObject({
      status: "OK",
    });
    const [entry] = await list(sd, { request_id: 4212, date_format: "iso8601" });
    const start = Date.parse(entry?.from ?? "") / 1000;
    expect(start).toBeGreaterThanOrEqual(before);
    expect(entry?.total).toBe(to - start);
  });

  it("answers 200 status ERROR for an entry that does not exist or belongs elsewhere", async ({
    client,
  }) => {
    const sd = client("time-refusals");
    const unknown = await remove(sd, 4211, 999999, 1042);
    expect(unknown.response.status).toBe(200);
    expect(unknown.data).toMatchObject({ status: "ERROR", info: expect.stringMatching(/999999/) });
    expect((await remove(sd, 4211, 2207, 1051)).data).toMatchObject({ status: "ERROR" });
    expect((await remove(sd, 4212, 2207, 1042)).data).toMatchObject({ status: "ERROR" });
    expect((await list(sd, { request_id: 4211 }))[0]).toMatchObject({ status: 1 });

    const noRequest = await sd.POST("/timetracking", {
      body: { request_id: 999999, user_id: 1042, to: 1793723700 },
    });
    expect(noRequest.data).toMatchObject({ status: "ERROR" });
    const backwards = await sd.POST("/timetracking", {
      body: { request_id: 4211, user_id: 1042, from: 1793723700, to: 1793721900 },
    });
    expect(backwards.data).toMatchObject({ status: "ERROR" });
    const noCategory = await sd.POST("/timetracking", {
      body: { request_id: 4211, user_id: 1042, category_id: 99, to: 1793723700, from: 1793721900 },
    });
    expect(noCategory.data).toMatchObject({ status: "ERROR" });
    expect(await list(sd, { request_id: 4211 })).toHaveLength(1);
  });

  it("needs request_id or from, and from as an ISO-8601 date (428)", async ({ client }) => {
    const sd = client("time-428");
    const neither = await sd.GET("/timetracking", { params: { query: {} } });
    expect(neither.response.status).toBe(428);
    expect(neither.error).toMatchObject({
      status: 428,
      error: expect.stringMatching(/request_id or from/),
    });
    const garbled = await sd.GET("/timetracking", { params: { query: { from: "yesterday" } } });
    expect(garbled.response.status).toBe(428);
  });

  it("lists the categories, or one of them", async ({ client }) => {
    const sd = client("time-categories");
    const all = await sd.GET("/timetracking.attributes.category");
    expect(all.data).toEqual([{ id: 2, name: "Remote support", parent_id: 0, cost_per_hour: 40 }]);
    const one = await sd.GET("/timetracking.attributes.category", { params: { query: { id: 2 } } });
    expect(one.data).toHaveLength(1);
    const none = await sd.GET("/timetracking.attributes.category", {
      params: { query: { id: 7 } },
    });
    expect(none.data).toEqual([]);
  });
});
