// Request Comments: the conversation of a request, and a comment proposed as its solution.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

describe("request comments", () => {
  it("adds a public and an internal comment, and lists them in order", async ({ client }) => {
    const sd = client("comments-life");
    const first = await sd.POST("/incident.comment", {
      body: { request_id: 4211, author_id: 1042, comment: "Looking into it" },
    });
    expect(first.data).toMatchObject({ status: "OK" });
    await sd.POST("/incident.comment", {
      body: {
        request_id: 4211,
        author_id: 1042,
        comment: "Vendor ticket opened",
        customer_visible: false,
      },
    });
    const listed = await sd.GET("/incident.comment", { params: { query: { request_id: 4211 } } });
    const mine = (listed.data as Array<{ message: string; customer_visible: boolean }>).slice(-2);
    expect(mine).toMatchObject([
      { message: "Looking into it", customer_visible: true, is_solution: false },
      { message: "Vendor ticket opened", customer_visible: false, is_solution: false },
    ]);
  });

  it("proposes a solution: the request is solved, and the list filters on it", async ({
    client,
  }) => {
    const sd = client("comments-solution");
    const solution = await sd.POST("/incident.comment", {
      body: { request_id: 4211, author_id: 1042, comment: "Replaced the dock", is_solution: true },
    });
    expect(solution.data).toMatchObject({ status: "OK" });
    expect((await sd.GET("/incident", { params: { query: { id: 4211 } } })).data).toMatchObject({
      status_id: 5,
    });
    const solutions = await sd.GET("/incident.comment", {
      params: { query: { request_id: 4211, is_solution: true } },
    });
    expect(solutions.data).toMatchObject([{ message: "Replaced the dock", is_solution: true }]);
  });

  it("answers 409 for an internal comment proposed as the solution, and leaves the request", async ({
    client,
  }) => {
    const sd = client("comments-refusals");
    const { response, error } = await sd.POST("/incident.comment", {
      body: {
        request_id: 4211,
        author_id: 1042,
        comment: "Internal fix",
        is_solution: true,
        customer_visible: false,
      },
    });
    expect(response.status).toBe(409);
    expect(error).toEqual({
      error: "Cannot mark an internal comment as the solution",
      status: 409,
    });
    const read = await sd.GET("/incident", { params: { query: { id: 4211 } } });
    expect(read.data).toMatchObject({ status_id: 2 });
  });

  it("refuses a comment on a request that does not exist, and lists none for it", async ({
    client,
  }) => {
    const sd = client("comments-unknown");
    const refused = await sd.POST("/incident.comment", {
      body: { request_id: 999999, author_id: 1042, comment: "Anyone there?" },
    });
    expect(refused.data).toEqual({
      status: "ERROR",
      error: "There is no request with id 999999.",
    });
    const listed = await sd.GET("/incident.comment", {
      params: { query: { request_id: 999999 } },
    });
    expect(listed.data).toEqual([]);
  });
});
