// The Requests domain's rules in sandbox mode, through the client over real HTTP, every answer
// checked against the description: a request from creation to closed and reopened, reject and
// cancel, and the links, people, external entities and custom fields around a request.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";
import type { Client } from "../support/checked-client.js";

/**
 * Answers the description does not describe, each a rule row of apps/mock/README.md#requests:
 * the ERROR envelope of a refused PUT /incident. (`false` for an unknown request or attachment is
 * described.)
 */

const it = sandboxTest({
  undescribed: (method, path, body) => {
    if (method === "put" && path === "/incident") {
      return (body as { status?: string }).status === "ERROR";
    }
    return false;
  },
});

interface ReadRequest {
  id: number;
  status_id: number;
  assigned_id: number | null;
  assigned_group_id: number | null;
  solved_at: number | null;
  closed_at: number | null;
  closed_reason: number | string | null;
  rating?: number | null;
  type_id: number;
  custom_fields: unknown;
}

async function read(sd: Client, id: number): Promise<ReadRequest> {
  const { data } = await sd.GET("/incident", { params: { query: { id } } });
  return data as unknown as ReadRequest;
}

async function create(sd: Client, title: string): Promise<number> {
  const { data } = await sd.POST("/incident", {
    body: {
      title,
      description: "Docking station not detected",
      type_id: 1,
      priority_id: 2,
      category_id: 37,
      customer_id: 1187,
      creator_id: 1187,
    },
  });
  return Number((data as { request_id: string }).request_id);
}

async function comment(sd: Client, id: number, author: number, text: string, solution = false) {
  const { data } = await sd.POST("/incident.comment", {
    body: { request_id: id, author_id: author, comment: text, is_solution: solution },
  });
  return data;
}

describe("a request from creation to closed, and reopened", () => {
  it("moves through reassignment, a rejected and an accepted solution, and a reopen", async ({
    client,
  }) => {
    const sd = client("lifecycle");
    const id = await create(sd, "Docking station");
    expect(await read(sd, id)).toMatchObject({ status_id: 1, assigned_id: null });
    expect(await comment(sd, id, 1187, "It worked yesterday.")).toMatchObject({ status: "OK" });

    // To a help desk without an agent: still New, unassigned.
    const toDesk = await sd.POST("/incident.reassign", {
      body: { request_id: id, group_id: 12, author_id: 1042 },
    });
    expect(toDesk.data).toMatchObject({ status: "OK" });
    expect(await read(sd, id)).toMatchObject({
      status_id: 1,
      assigned_group_id: 12,
      assigned_id: null,
    });
    // To a level and an agent: the request opens.
    await sd.POST("/incident.reassign", {
      body: { request_id: id, group_id: 31, author_id: 1042, agent_id: 1042 },
    });
    expect(await read(sd, id)).toMatchObject({
      status_id: 2,
      assigned_group_id: 31,
      assigned_id: 1042,
    });

    // Nothing to accept yet.
    const early = await sd.PUT("/incident.solution.accept", { body: { id, rating: 5 } });
    expect(early.data).toMatchObject({ status: "ERROR", info: expect.stringMatching(/solution/) });

    await comment(sd, id, 1042, "Updated the dock firmware.", true);
    const solved = await read(sd, id);
    expect(solved).toMatchObject({ status_id: 5, closed_at: null });
    expect(solved.solved_at).toEqual(expect.any(Number));

    const rejected = await sd.PUT("/incident.solution.reject", {
      body: { id, comment: "Still not detected after a restart." },
    });
    expect(rejected.data).toMatchObject({ status: "OK" });
    expect(await read(sd, id)).toMatchObject({ status_id: 2, solved_at: null });
    const thread = await sd.GET("/incident.comment", { params: { query: { request_id: id } } });
    expect((thread.data as { author_id: number; message: string }[]).at(-1)).toMatchObject({
      author_id: 1187,
      message: "Still not detected after a restart.",
    });

    await comment(sd, id, 1042, "Replaced the dock.", true);
    expect((await read(sd, id)).status_id).toBe(5);
    const lowWithoutReason = await sd.PUT("/incident.solution.accept", { body: { id, rating: 2 } });
    expect(lowWithoutReason.data).toMatchObject({ status: "ERROR" });
    expect((await read(sd, id)).status_id).toBe(5);

    const accepted = await sd.PUT("/incident.solution.accept", { body: { id, rating: 5 } });
    expect(accepted.data).toMatchObject({ status: "OK" });
    const closed = await read(sd, id);
    expect(closed).toMatchObject({ status_id: 6, closed_reason: 1, rating: 5 });
    expect(closed.closed_at).toEqual(expect.any(Number));
    const solutions = await sd.GET("/incident.comment", {
      params: { query: { request_id: id, is_solution: true } },
    });
    expect(solutions.data).toHaveLength(2);

    // A closed request takes no changes, but it can be reopened, once.
    const change = await sd.PUT("/incident", { body: { id, title: "late edit" } });
    expect(change.data).toMatchObject({ status: "ERROR" });
    const reopened = await sd.PUT("/incident.reopen", {
      body: { request_id: id, author_id: 1187 },
    });
    expect(reopened.data).toMatchObject({ status: "OK" });
    expect(await read(sd, id)).toMatchObject({
      status_id: 2,
      closed_at: null,
      closed_reason: null,
      solved_at: null,
      rating: null,
    });
    const again = await sd.PUT("/incident.reopen", { body: { request_id: id } });
    expect(again.data).toMatchObject({ status: "ERROR", error: expect.any(String) });
  });

  it("refuses lifecycle calls on unknown requests, and the reopen of an open one", async ({
    client,
  }) => {
    const sd = client("lifecycle-refusals");
    for (const [path, body] of [
      ["/incident.reassign", { request_id: 999999, group_id: 12, author_id: 1042 }],
      ["/incident.reject", { request_id: 999999, author_id: 1042 }],
      ["/incident.cancel", { request_id: 999999, author_id: 1042 }],
    ] as const) {
      const { data } = await sd.POST(path as "/incident.reject", { body: body as never });
      expect(data, path).toMatchObject({ status: "ERROR", info: expect.stringMatching(/999999/) });
    }
    const reopen = await sd.PUT("/incident.reopen", { body: { request_id: 4211 } });
    expect(reopen.data).toMatchObject({
      status: "ERROR",
      error: expect.stringMatching(/not solved/),
    });
  });
});

describe("invalid parameters", () => {
  it("answers 428 naming a rating out of range and a missing reason", async ({ client }) => {
    const sd = client("lifecycle-428");
    const rating = await sd.PUT("/incident.solution.accept", { body: { id: 4211, rating: 9 } });
    expect(rating.response.status).toBe(428);
    expect(JSON.stringify(rating.error)).toMatch(/rating/);
    const reason = await sd.PUT("/incident.solution.reject", { body: { id: 4211 } as never });
    expect(reason.response.status).toBe(428);
    expect(JSON.stringify(reason.error)).toMatch(/comment is required/);
    // Neither call touched the request.
    expect((await read(sd, 4211)).status_id).toBe(2);
  });
});

describe("reject and cancel", () => {
  it("rejects an open request once, and nothing moves it but nothing reopens it either", async ({
    client,
  }) => {
    const sd = client("reject");
    expect(
      (await sd.POST("/incident.reject", { body: { request_id: 4212, author_id: 1042 } })).data,
    ).toMatchObject({ status: "OK" });
    const rejected = await read(sd, 4212);
    expect(rejected.status_id).toBe(7);
    expect(rejected.closed_at).toEqual(expect.any(Number));
    const twice = await sd.POST("/incident.reject", {
      body: { request_id: 4212, author_id: 1042 },
    });
    expect(twice.data).toMatchObject({ status: "ERROR" });
    const reassign = await sd.POST("/incident.reassign", {
      body: { request_id: 4212, group_id: 12, author_id: 1042 },
    });
    expect(reassign.data).toMatchObject({ status: "ERROR" });
    const reopen = await sd.PUT("/incident.reopen", { body: { request_id: 4212 } });
    expect(reopen.data).toMatchObject({ status: "ERROR" });
  });

  it("cancels with the reason kept in the conversation, and refuses a second cancel", async ({
    client,
  }) => {
    const sd = client("cancel");
    const id = await create(sd, "Withdrawn");
    const cancelled = await sd.POST("/incident.cancel", {
      body: { request_id: id, author_id: 1187, comment: "Found a spare dock." },
    });
    expect(cancelled.data).toMatchObject({ status: "OK" });
    expect((await read(sd, id)).status_id).toBe(8);
    const thread = await sd.GET("/incident.comment", { params: { query: { request_id: id } } });
    expect(thread.data).toMatchObject([{ author_id: 1187, message: "Found a spare dock." }]);
    const twice = await sd.POST("/incident.cancel", { body: { request_id: id, author_id: 1187 } });
    expect(twice.data).toMatchObject({ status: "ERROR" });
    const solution = await comment(sd, id, 1042, "Too late", true);
    expect(solution).toMatchObject({ status: "ERROR" });
  });
});

describe("what surrounds a request", () => {
  it("links requests both ways, and refuses a link to itself or to nothing", async ({ client }) => {
    const sd = client("links");
    const linked = await sd.POST("/incident.link", {
      body: { request_id: 4212, request_ids: [4211] },
    });
    expect(linked.data).toMatchObject({ status: "OK" });
    const from4212 = await sd.GET("/incident.link", { params: { query: { request_id: 4212 } } });
    expect(from4212.data).toEqual([{ id: 4211, title: "Laptop does not boot after BIOS update" }]);
    const from4211 = await sd.GET("/incident.link", { params: { query: { request_id: 4211 } } });
    expect((from4211.data as { id: number }[]).map((r) => r.id)).toEqual([4198, 4212]);
    const self = await sd.POST("/incident.link", {
      body: { request_id: 4212, request_ids: [4212] },
    });
    expect(self.data).toMatchObject({ status: "ERROR", error: expect.stringMatching(/itself/) });
    const none = await sd.POST("/incident.link", {
      body: { request_id: 4212, request_ids: [999999] },
    });
    expect(none.data).toMatchObject({ status: "ERROR", error: expect.stringMatching(/999999/) });
  });

  it("adds observers and collaborators, listed as bare arrays of ids", async ({ client }) => {
    const sd = client("people");
    const observers = await sd.POST("/incident.observer", {
      body: { request_id: 4211, author_id: 1042, users_id: [1187, 1042] },
    });
    expect(observers.data).toMatchObject({ status: "OK" });
    const listed = await sd.GET("/incident.observer", { params: { query: { request_id: 4211 } } });
    expect(listed.data).toEqual([1042, 1051, 1187]);
    const collaborator = await sd.POST("/incident.collaborator", {
      body: { request_id: 4212, author_id: 1042, user_id: 1051 },
    });
    expect(collaborator.data).toMatchObject({ status: "OK" });
    const team = await sd.GET("/incident.collaborator", {
      params: { query: { request_id: 4212 } },
    });
    expect(team.data).toEqual([1051]);
    const nobody = await sd.POST("/incident.observer", {
      body: { request_id: 4212, author_id: 1042 },
    });
    expect(nobody.data).toMatchObject({ status: "ERROR", info: expect.stringMatching(/user_id/) });
    const unknown = await sd.GET("/incident.observer", {
      params: { query: { request_id: 999999 } },
    });
    expect(unknown.data).toEqual([]);
  });

  it("links an external entity, then waits for it", async ({ client }) => {
    const sd = client("external");
    const linked = await sd.POST("/incident.external_entity", {
      body: { request_id: 4212, external_entity_id: 6, external_entity_ref_id: "5550" },
    });
    expect(linked.data).toEqual({ status: "OK", info: "External entity linked.", link_id: "319" });
    const links = await sd.GET("/incident.external_entity", {
      params: { query: { request_id: 4212 } },
    });
    expect(links.data).toEqual([
      { link_id: 319, ref_id: 6, name: "Dell Support", ext_ref_id: 5550, status: true, type: 100 },
    ]);
    // Link 318 belongs to request 4211.
    const foreign = await sd.POST("/incident.waitingfor.external_entity", {
      body: { request_id: 4212, entity_link_id: 318 },
    });
    expect(foreign.data).toMatchObject({ status: "ERROR" });
    const waiting = await sd.POST("/incident.waitingfor.external_entity", {
      body: { request_id: 4212, entity_link_id: 319 },
    });
    expect(waiting.data).toMatchObject({ status: "OK" });
    expect((await read(sd, 4212)).status_id).toBe(4);
    const unknownEntity = await sd.POST("/incident.external_entity", {
      body: { request_id: 4212, external_entity_id: 99 },
    });
    expect(unknownEntity.data).toMatchObject({
      status: "ERROR",
      info: expect.stringMatching(/99/),
    });
  });

  it("writes, shows and clears custom field values on a request", async ({ client }) => {
    const sd = client("custom-fields");
    const set = await sd.POST("/incident.custom_field", {
      body: { request_id: 4212, author_id: 1042, custom_field_uid: 25, values: ["CC-4410"] },
    });
    expect(set.data).toMatchObject({ status: "OK", info: "Custom field 25 updated." });
    expect((await read(sd, 4212)).custom_fields).toEqual({ "25": "CC-4410" });
    await sd.POST("/incident.custom_field", {
      body: { request_id: 4211, author_id: 1042, custom_field_uid: 21, values: ["LT-0458"] },
    });
    expect((await read(sd, 4211)).custom_fields).toMatchObject({ "21": "LT-0458" });
    const cleared = await sd.DELETE("/incident.custom_field", {
      params: { query: { request_id: 4212, author_id: 1042, custom_field_uid: 25 } },
    });
    expect(cleared.data).toMatchObject({ status: "OK" });
    expect((await read(sd, 4212)).custom_fields).toEqual([]);
    const unknown = await sd.POST("/incident.custom_field", {
      body: { request_id: 999999, author_id: 1042, custom_field_uid: 25, values: ["x"] },
    });
    expect(unknown.data).toMatchObject({ status: "ERROR" });
  });

  it("records the files of a multipart request and comment, read back by id", async ({
    client,
    mock,
  }) => {
    const sd = client("files");
    const form = new FormData();
    for (const [name, value] of Object.entries({
      title: "Photo of the error",
      type_id: "1",
      priority_id: "2",
      category_id: "37",
      customer_id: "1187",
      creator_id: "1187",
    }))
      form.append(name, value);
    form.append("attachments[]", new Blob(["jpeg bytes"]), "error-screen.JPG");
    const auth = `Basic ${Buffer.from("files:secret").toString("base64")}`;
    const created = await fetch(`${mock.apiUrl}/incident`, {
      method: "POST",
      headers: { authorization: auth },
      body: form,
    });
    const { request_id } = (await created.json()) as { request_id: string };
    const request = (await sd.GET("/incident", {
      params: { query: { id: Number(request_id) } },
    })) as { data?: { attachments: number[] } };
    expect(request.data?.attachments).toEqual([7002]);
    const file = await sd.GET("/incident.attachment", { params: { query: { id: 7002 } } });
    expect(file.data).toEqual({ id: 7002, name: "error-screen.JPG", extension: "jpg" });

    const reply = new FormData();
    reply.append("request_id", request_id);
    reply.append("author_id", "1042");
    reply.append("comment", "See the log");
    reply.append("attachments[]", new Blob(["log"]), "dock.log");
    await fetch(`${mock.apiUrl}/incident.comment`, {
      method: "POST",
      headers: { authorization: auth },
      body: reply,
    });
    const thread = await sd.GET("/incident.comment", {
      params: { query: { request_id: Number(request_id) } },
    });
    expect(thread.data).toMatchObject([{ attachments: [7003] }]);
  });

  it("reads attachments and tasks, and promotes a request to a major incident once", async ({
    client,
  }) => {
    const sd = client("items");
    const file = await sd.GET("/incident.attachment", { params: { query: { id: 7001 } } });
    expect(file.data).toMatchObject({ id: 7001, name: "boot-screen.jpg", extension: "jpg" });
    expect(file.data).not.toHaveProperty("request_id");
    const none = await sd.GET("/incident.attachment", { params: { query: { id: 999999 } } });
    expect(none.data).toBe(false);
    const tasks = await sd.GET("/incident.tasks", { params: { query: { request_id: 4212 } } });
    expect((tasks.data as { task_id: number }[]).map((t) => t.task_id)).toEqual([6120, 6121]);
    const noTasks = await sd.GET("/incident.tasks", { params: { query: { request_id: 4211 } } });
    expect(noTasks.data).toEqual([]);

    const promoted = await sd.POST("/incident.promote.to.major.incident", {
      body: { request_id: 4198, author_id: 1042, confirm: true },
    });
    expect(promoted.data).toEqual({ success: true, messages: [] });
    expect((await read(sd, 4198)).type_id).toBe(6);
    const twice = await sd.POST("/incident.promote.to.major.incident", {
      body: { request_id: 4198, author_id: 1042 },
    });
    expect(twice.data).toMatchObject({ success: false });
  });
});
