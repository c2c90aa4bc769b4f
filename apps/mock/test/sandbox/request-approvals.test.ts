// Approvals in the sandbox, through the client over real HTTP: a predefined approval from
// template 27 walked from start to decision, a cancel, a vote refused, a spontaneous approval,
// and an approval whose time ran out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { checkedClient, expectAllDescribed } from "../support/checked-client.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});
afterEach(expectAllDescribed);

type Client = ReturnType<typeof checkedClient>;
type Approval = { id: number; status: number; type: number; approval_request_id: number };

async function approvalsOf(sd: Client, requestId: number, onlyPending = false) {
  const { data } = await sd.GET("/incident.approval", {
    params: { query: { request_id: requestId, ...(onlyPending ? { only_pending: true } : {}) } },
  });
  return data as unknown as Approval[];
}

async function votersOf(sd: Client, approvalId: number) {
  const { data } = await sd.GET("/incident.approval.possible_voters", {
    params: { query: { approval_id: approvalId } },
  });
  return data as unknown as Array<{ user_id: number; status: number }>;
}

const vote = (sd: Client, verb: "accept" | "reject", approval_id: number, user_id: number) =>
  sd.PUT(`/incident.approval.${verb}`, { body: { approval_id, user_id } });

describe("an approval from template 27 on request 4212", () => {
  it("is started, gains a voter, is decided by the votes, and reads back", async () => {
    const sd = checkedClient(mock.apiUrl, "approval-scenario");
    const templates = await sd.GET("/incident.custom_approval", {
      params: { query: { request_id: 4212 } },
    });
    expect(templates.data).toMatchObject({ "27": { id: 27, title: "Contractor VPN access" } });
    expect(templates.data).not.toHaveProperty("27.voter_ids");

    const started = await sd.POST("/incident.custom_approval", {
      body: { request_id: 4212, approval_id: 27, author_id: 1042, description: "VPN for Jonas" },
    });
    expect(started.data).toMatchObject({ status: "OK" });
    const approvals = await approvalsOf(sd, 4212);
    expect(approvals.map((a) => a.id)).toEqual([515, 516]);
    const created = approvals[1] as unknown as Record<string, unknown>;
    expect(created).toMatchObject({
      id: 516,
      approval_request_id: 27,
      approval_request_description: "VPN for Jonas",
      type: 1,
      status: -1,
      author_id: 1042,
      created_at: expect.any(Number),
      reminder_count: 0,
    });
    for (const key of ["request_id", "votes", "notes", "expires_at"]) {
      expect(created).not.toHaveProperty(key);
    }
    // The template decides who votes: Priya.
    expect(await votersOf(sd, 516)).toEqual([{ user_id: 1051, status: -1 }]);

    const added = await sd.POST("/incident.approval.add_voter", {
      body: { approval_id: 516, user_id: 1042 },
    });
    expect(added.data).toEqual({ status: "OK", approval_id: 516, user_id: 1042 });

    expect((await vote(sd, "accept", 516, 1051)).data).toMatchObject({ status: "OK" });
    expect(await votersOf(sd, 516)).toEqual([
      { user_id: 1042, status: -1 },
      { user_id: 1051, status: 1 },
    ]);
    // One approval out of two votes: still waiting.
    expect((await approvalsOf(sd, 4212))[1]).toMatchObject({ id: 516, status: -1 });

    const nonVoter = await vote(sd, "accept", 516, 1187);
    expect(nonVoter.data).toMatchObject({
      status: "ERROR",
      info: expect.stringMatching(/not a voter/),
    });

    expect((await vote(sd, "reject", 516, 1042)).data).toMatchObject({ status: "OK" });
    expect(await votersOf(sd, 516)).toEqual([
      { user_id: 1042, status: 0 },
      { user_id: 1051, status: 1 },
    ]);
    expect((await approvalsOf(sd, 4212))[1]).toMatchObject({ id: 516, status: 0 });
    expect((await approvalsOf(sd, 4212, true)).map((a) => a.id)).toEqual([515]);

    const late = await vote(sd, "accept", 516, 1042);
    expect(late.data).toMatchObject({
      status: "ERROR",
      info: expect.stringMatching(/no longer waiting/),
    });

    const iso = await sd.GET("/incident.approval", {
      params: { query: { request_id: 4212, date_format: "iso8601" } },
    });
    expect((iso.data as unknown as Array<{ created_at: unknown }>)[0]?.created_at).toBe(
      "2026-11-04T11:30:00+00:00",
    );
  });

  it("cancels a waiting approval, annulling the open votes, and refuses to cancel it twice", async () => {
    const sd = checkedClient(mock.apiUrl, "approval-cancel");
    expect((await vote(sd, "accept", 515, 1051)).data).toMatchObject({ status: "OK" });
    const cancel = () =>
      sd.PUT("/incident.approval.cancel", { body: { approval_id: 515, user_id: 1042 } });
    expect((await cancel()).data).toMatchObject({ status: "OK" });
    expect((await approvalsOf(sd, 4212))[0]).toMatchObject({ id: 515, status: -2 });
    expect(await votersOf(sd, 515)).toEqual([
      { user_id: 1042, status: -2 },
      { user_id: 1051, status: 1 },
    ]);
    expect((await cancel()).data).toMatchObject({ status: "ERROR" });
    const addLate = await sd.POST("/incident.approval.add_voter", {
      body: { approval_id: 515, user_id: 1190 },
    });
    expect(addLate.data).toMatchObject({ status: "ERROR" });
    const pending = await sd.GET("/incident.approval.possible_voters", {
      params: { query: { approval_id: 515, only_pending: true } },
    });
    expect(pending.data).toEqual([]);
  });

  it("asks one user for a spontaneous approval, which that user's vote decides", async () => {
    const sd = checkedClient(mock.apiUrl, "approval-spontaneous");
    const asked = await sd.POST("/incident.spontaneous_approval", {
      body: {
        request_id: 4211,
        approval_user_id: 1051,
        author_id: 1042,
        description: "Replace the laptop?",
      },
    });
    expect(asked.data).toMatchObject({ status: "OK" });
    const [approval] = await approvalsOf(sd, 4211);
    expect(approval).toMatchObject({ id: 516, type: 2, status: -1, approval_request_id: 0 });
    expect(await votersOf(sd, 516)).toEqual([{ user_id: 1051, status: -1 }]);
    expect((await vote(sd, "accept", 516, 1051)).data).toMatchObject({ status: "OK" });
    expect((await approvalsOf(sd, 4211))[0]).toMatchObject({ id: 516, status: 1 });
  });

  it("refuses approvals on unknown requests or templates, and answers [] for unknown ids", async () => {
    const sd = checkedClient(mock.apiUrl, "approval-refusals");
    const noTemplate = await sd.POST("/incident.custom_approval", {
      body: { request_id: 4212, approval_id: 999, author_id: 1042 },
    });
    expect(noTemplate.data).toMatchObject({ status: "ERROR", info: expect.stringMatching(/999/) });
    const noRequest = await sd.POST("/incident.spontaneous_approval", {
      body: { request_id: 999999, approval_user_id: 1051, author_id: 1042, description: "x" },
    });
    expect(noRequest.data).toMatchObject({
      status: "ERROR",
      info: expect.stringMatching(/999999/),
    });
    expect(
      (await sd.GET("/incident.custom_approval", { params: { query: { request_id: 999999 } } }))
        .data,
    ).toEqual([]);
    expect(await approvalsOf(sd, 999999)).toEqual([]);
    expect(await votersOf(sd, 999999)).toEqual([]);
    expect((await vote(sd, "reject", 999999, 1051)).data).toMatchObject({ status: "ERROR" });
    const missing = await sd.PUT("/incident.approval.accept", {
      body: { approval_id: 515 } as never,
    });
    expect(missing.response.status).toBe(428);
  });

  it("lists the catalogues of approval statuses, types and vote statuses", async () => {
    const sd = checkedClient(mock.apiUrl, "approval-catalogues");
    expect((await sd.GET("/incident.approval.status")).data).toEqual({
      "-2": "Cancelled",
      "-1": "Waiting",
      "0": "Rejected",
      "1": "Approved",
    });
    expect((await sd.GET("/incident.approval.type")).data).toEqual({
      "1": "Predefined approval",
      "2": "Spontaneous approval",
    });
    expect(
      Object.keys((await sd.GET("/incident.approval.vote_status")).data as object).sort(),
    ).toEqual(["-1", "-2", "0", "1", "2"]);
  });
});

describe("a template's expiry and description rule", () => {
  let seeded: RunningMock;
  beforeAll(async () => {
    seeded = await startMock({
      memory: true,
      seed: {
        extends: "builtin",
        records: {
          approval_template: [
            {
              id: 28,
              title: "Hardware purchase",
              description: "Budget holder sign-off.",
              description_required: true,
              expired_in: 3600,
              expired_approved: 1,
              status: 1,
              created_at: 1788249600,
              voter_ids: [1051],
            },
          ],
          approval: [
            {
              id: 600,
              request_id: 4211,
              approval_request_id: 28,
              approval_request_description: "A new laptop",
              type: 1,
              status: -1,
              author_id: 1042,
              created_at: 1000,
              votes: {},
              notes: {},
              // Long past: the sandbox clock has run out this approval's time.
              expires_at: 4600,
              expired_approved: 1,
            },
          ],
        },
        relations: { approval_voter: [[600, 1051]] },
      },
    });
  });
  afterAll(async () => {
    await seeded?.close();
  });

  it("resolves an approval whose time ran out as its template says, votes expired", async () => {
    const sd = checkedClient(seeded.apiUrl, "expiry");
    expect(await approvalsOf(sd, 4211)).toMatchObject([{ id: 600, status: 1 }]);
    expect(await votersOf(sd, 600)).toEqual([{ user_id: 1051, status: 2 }]);
    expect((await vote(sd, "reject", 600, 1051)).data).toMatchObject({ status: "ERROR" });
  });

  it("refuses a template approval without the description its template requires", async () => {
    const sd = checkedClient(seeded.apiUrl, "description-required");
    const bare = await sd.POST("/incident.custom_approval", {
      body: { request_id: 4211, approval_id: 28, author_id: 1042 },
    });
    expect(bare.data).toMatchObject({
      status: "ERROR",
      info: expect.stringMatching(/description/),
    });
    const full = await sd.POST("/incident.custom_approval", {
      body: { request_id: 4211, approval_id: 28, author_id: 1042, description: "Laptop" },
    });
    expect(full.data).toMatchObject({ status: "OK" });
    expect((await approvalsOf(sd, 4211, true)).map((a) => a.id)).toEqual([601]);
  });
});
