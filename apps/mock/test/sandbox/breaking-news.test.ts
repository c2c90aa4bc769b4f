// Breaking news in sandbox mode, through the client over real HTTP: an announcement is
// published, followed up, read back with its history, changed and resolved; an announcement
// that targets nobody is refused.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

describe("an announcement and its follow-ups", () => {
  it("publishes, follows up, reads the history back, changes and resolves", async ({ client }) => {
    const sd = client("news-scenario");
    const startedAt = Math.floor(Date.now() / 1000);
    const created = await sd.POST("/breakingnews", {
      body: {
        title: "Printing unavailable on floor 2",
        body: "<p>The print server is down.</p>",
        type_id: 1,
        affected_helpdesk_ids: [12],
        creator_id: 1042,
      },
    });
    // The seed's announcement is 61; the new id comes back as text, as invgo decodes it.
    expect(created.data).toMatchObject({ status: "OK", id: "62" });

    const read = await sd.GET("/breakingnews", { params: { query: { id: 62 } } });
    expect(read.data).toMatchObject({
      id: 62,
      title: "Printing unavailable on floor 2",
      type_id: 1,
      status_id: 1,
      created_by_id: 1042,
      resolution_time: null,
      affected_group_ids: [],
      affected_helpdesk_ids: [12],
    });
    expect((read.data as { created_at: number }).created_at).toBeGreaterThanOrEqual(startedAt);

    for (const [body, creator_id] of [
      ["<p>A spare server is being prepared.</p>", 1042],
      ["<p>Printing restored.</p>", undefined],
    ] as const) {
      const posted = await sd.POST("/breakingnews.status", {
        body: { id: 62, body, ...(creator_id === undefined ? {} : { creator_id }) },
      });
      expect(posted.data).toMatchObject({ status: "OK" });
    }
    const history = await sd.GET("/breakingnews.status", {
      params: { query: { id: 62, date_format: "iso8601" } },
    });
    expect(history.data).toEqual([
      {
        body: "<p>A spare server is being prepared.</p>",
        creator_id: 1042,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      },
      // Without creator_id the system signs it (user 0 in the sandbox).
      { body: "<p>Printing restored.</p>", creator_id: 0, created_at: expect.any(String) },
    ]);
    // A follow-up alone leaves the state alone.
    expect((await sd.GET("/breakingnews", { params: { query: { id: 62 } } })).data).toMatchObject({
      status_id: 1,
    });

    const changed = await sd.PUT("/breakingnews", {
      body: { id: 62, type_id: 2, resolution_time: 1794297600, affected_group_ids: [5] },
    });
    expect(changed.data).toMatchObject({ status: "OK" });
    const all = await sd.GET("/breakingnews.all", {
      params: { query: { date_format: "iso8601" } },
    });
    expect(all.data).toEqual([
      expect.objectContaining({ id: 61, status_id: 1 }),
      expect.objectContaining({
        id: 62,
        type_id: 2,
        resolution_time: "2026-11-10T08:00:00+00:00",
        affected_group_ids: [5],
        affected_helpdesk_ids: [12],
      }),
    ]);

    await sd.POST("/breakingnews.status", {
      body: { id: 62, body: "<p>Fixed for good.</p>", is_solution: true },
    });
    expect((await sd.GET("/breakingnews", { params: { query: { id: 62 } } })).data).toMatchObject({
      status_id: 2,
    });
  });

  it("holds the seeded announcement 61 and its follow-up", async ({ client }) => {
    const sd = client("news-seed");
    expect((await sd.GET("/breakingnews", { params: { query: { id: 61 } } })).data).toEqual({
      id: 61,
      title: "Email delays on the EU cluster",
      body: "<p>Outgoing mail is queued for up to 30 minutes. No messages are lost.</p>",
      type_id: 2,
      status_id: 1,
      created_by_id: 1042,
      created_at: 1793712000,
      resolution_time: 1794297600,
      affected_group_ids: [5],
      affected_helpdesk_ids: [12],
    });
    expect(
      (await sd.GET("/breakingnews.status", { params: { query: { id: 61 } } })).data,
    ).toHaveLength(1);
  });

  it("lists the states and importance levels, one of them with id", async ({ client }) => {
    const sd = client("news-catalogues");
    expect((await sd.GET("/breakingnews.attributes.status")).data).toEqual([
      { id: 1, name: "Active" },
      { id: 2, name: "Resolved" },
    ]);
    expect(
      (await sd.GET("/breakingnews.attributes.type", { params: { query: { id: 3 } } })).data,
    ).toEqual([{ id: 3, name: "Low" }]);
    expect(
      (await sd.GET("/breakingnews.attributes.type", { params: { query: { id: 9 } } })).data,
    ).toEqual([]);
  });

  it("refuses an announcement without targets, unknown ids and unknown states", async ({
    client,
    mock,
  }) => {
    const sd = client("news-refusals");
    const refusals = [
      await sd.POST("/breakingnews", { body: { title: "x", body: "x", type_id: 3 } }),
      await sd.PUT("/breakingnews", { body: { id: 61, status_id: 7 } }),
      await sd.PUT("/breakingnews", { body: { id: 999, title: "x" } }),
      await sd.POST("/breakingnews.status", { body: { id: 999, body: "x" } }),
      await sd.GET("/breakingnews", { params: { query: { id: 999 } } }),
    ];
    for (const { response, data } of refusals) {
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ status: "ERROR", info: expect.any(String) });
    }
    // Only a JSON body can carry an empty list: emptying both target lists is refused.
    const emptied = await fetch(`${mock.apiUrl}/breakingnews`, {
      method: "PUT",
      headers: {
        authorization: `Basic ${Buffer.from("news-refusals:secret").toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ id: 61, affected_group_ids: [], affected_helpdesk_ids: [] }),
    });
    expect(await emptied.json()).toMatchObject({ status: "ERROR", info: /group or one help desk/ });
    expect((await sd.GET("/breakingnews.all")).data).toHaveLength(1);
    expect((await sd.GET("/breakingnews", { params: { query: { id: 61 } } })).data).toMatchObject({
      status_id: 1,
      affected_group_ids: [5],
    });
    expect((await sd.GET("/breakingnews.status", { params: { query: { id: 999 } } })).data).toEqual(
      [],
    );
  });
});
