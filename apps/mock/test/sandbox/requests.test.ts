// The Requests core in sandbox mode, through the client over real HTTP: what is created reads
// back, comments are listed, a change sticks, a solution moves the request, and one
// credential's sandbox is not another's.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { checkingFetch, sandboxClient } from "../support/checked-client.js";

/** Answers that do not match the description, gathered by the checking transport. */
let offDescription: string[] = [];
afterEach(() => {
  const found = offDescription;
  offDescription = [];
  expect(found, "answers that differ from the description").toEqual([]);
});

/**
 * Answers the sandbox gives where the description says nothing yet, each a rule row of
 * apps/mock/README.md#requests: the ERROR envelope when PUT /incident is refused, and PHP's `[]`
 * when GET /incidents finds none. (`false` for an unknown id on GET /incident is described.)
 */
function undescribedChoice(method: string, path: string, body: unknown): boolean {
  if (method === "get" && path === "/incidents") return Array.isArray(body) && body.length === 0;
  if (method === "put" && path === "/incident")
    return (body as { status?: string }).status === "ERROR";
  return false;
}

const checking = checkingFetch(undescribedChoice, (line) => offDescription.push(line));

let mock: RunningMock;
const clientFor = (username: string, apiUrl = mock.apiUrl) =>
  sandboxClient(apiUrl, username, checking);

beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

async function createRequest(sd: ReturnType<typeof clientFor>, title: string) {
  const { data, response } = await sd.POST("/incident", {
    body: {
      title,
      description: "Screen flickers",
      type_id: 1,
      priority_id: 2,
      category_id: 37,
      customer_id: 1187,
      creator_id: 1187,
    },
  });
  expect(response.status).toBe(200);
  return data as { status: string; info: string; request_id: string };
}

describe("a request from creation to solved, in the sandbox", () => {
  it("creates, comments, changes and reads back", async () => {
    const sd = clientFor("scenario");
    const created = await createRequest(sd, "Monitor flickers");
    expect(created).toMatchObject({ status: "OK", request_id: "4213" });
    const id = Number(created.request_id);

    const read = await sd.GET("/incident", { params: { query: { id } } });
    expect(read.data).toMatchObject({
      id,
      // `#` and the id, as production writes it (MCP live smoke test).
      pretty_id: "#4213",
      title: "Monitor flickers",
      status_id: 1,
      user_id: 1187,
    });

    const comment = await sd.POST("/incident.comment", {
      body: {
        request_id: id,
        author_id: 1042,
        comment: "Swapped the cable <HDMI>",
        customer_visible: true,
      },
    });
    expect(comment.data).toMatchObject({ status: "OK" });
    const comments = await sd.GET("/incident.comment", { params: { query: { request_id: id } } });
    expect(comments.data).toMatchObject([
      {
        incident_id: id,
        author_id: 1042,
        msg_num: 1,
        message: "Swapped the cable &lt;HDMI&gt;",
        is_solution: false,
        customer_visible: true,
      },
    ]);

    const changed = await sd.PUT("/incident", {
      body: { id, priority_id: 4, title: "Monitor flickers (HDMI)" },
    });
    expect(changed.data).toMatchObject({ id, priority_id: 4, title: "Monitor flickers (HDMI)" });
    expect(changed.data).not.toHaveProperty("rating");

    const solution = await sd.POST("/incident.comment", {
      body: { request_id: id, author_id: 1042, comment: "New cable fixed it", is_solution: true },
    });
    expect(solution.data).toMatchObject({ status: "OK" });
    const solved = await sd.GET("/incident", {
      params: { query: { id, comments: true, date_format: "iso8601" } },
    });
    expect(solved.data).toMatchObject({
      status_id: 5,
      priority_id: 4,
      solved_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*\+00:00$/),
    });
    expect((solved.data as { comments: unknown[] }).comments).toHaveLength(2);

    const both = await sd.GET("/incidents", { params: { query: { ids: [id, 4211, 999999] } } });
    expect(Object.keys(both.data as object).sort()).toEqual(["4211", String(id)]);
  });

  it("answers false for an unknown request, status ERROR for a change to one, [] for no match", async () => {
    const sd = clientFor("unknowns");
    expect((await sd.GET("/incident", { params: { query: { id: 999999 } } })).data).toBe(false);
    expect((await sd.PUT("/incident", { body: { id: 999999, title: "x" } })).data).toMatchObject({
      status: "ERROR",
    });
    expect((await sd.GET("/incidents", { params: { query: { ids: [999999] } } })).data).toEqual([]);
  });

  it("answers 428 naming every missing parameter", async () => {
    const sd = clientFor("invalid");
    const { response, error } = await sd.POST("/incident", { body: { title: "x" } as never });
    expect(response.status).toBe(428);
    const body = error as unknown as {
      status: number;
      error: string;
      invalid_params: { name: string }[];
    };
    expect(body.status).toBe(428);
    expect(body.error).toMatch(/customer_id is required/);
    expect(body.invalid_params.map((p) => p.name).sort()).toEqual([
      "category_id",
      "creator_id",
      "customer_id",
      "priority_id",
      "type_id",
    ]);
  });

  it("keeps each credential's sandbox to itself", async () => {
    const alice = clientFor("alice");
    const bob = clientFor("bob");
    const created = await createRequest(alice, "Only Alice sees this");
    const id = Number(created.request_id);
    expect((await bob.GET("/incident", { params: { query: { id } } })).data).toBe(false);
    // Ids follow from the seed in each tenant, so Bob's first request gets the same id.
    expect((await createRequest(bob, "Bob's own")).request_id).toBe(created.request_id);
    expect((await alice.GET("/incident", { params: { query: { id } } })).data).toMatchObject({
      title: "Only Alice sees this",
    });
  });
});

describe("persistence", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "sd-sandbox-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps a tenant's writes across a restart, in files that do not name the user", async () => {
    const first = await startMock({ memory: false, dataDir });
    const created = await createRequest(
      clientFor("persistent-user", first.apiUrl),
      "Survives a restart",
    );
    await first.close();
    const second = await startMock({ memory: false, dataDir });
    try {
      const read = await clientFor("persistent-user", second.apiUrl).GET("/incident", {
        params: { query: { id: Number(created.request_id) } },
      });
      expect(read.data).toMatchObject({ title: "Survives a restart" });
    } finally {
      await second.close();
    }
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(dataDir).join(" ")).not.toMatch(/persistent-user/);
  });
});
