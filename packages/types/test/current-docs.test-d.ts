// Pins two operations that only the vendor's current reference documents: the tasks of a
// request (enums and values that may be null) and logging time, whose dates are epoch seconds
// although the reading side of the same endpoint takes ISO-8601 strings.
import { describe, expectTypeOf, it } from "vitest";
import type { FormBody, IncidentTask, QueryParams, SuccessBody } from "../src/index.js";

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

describe("GET /incident.tasks", () => {
  it("answers an array of tasks", () => {
    expectTypeOf<SuccessBody<"/incident.tasks", "get">>().toEqualTypeOf<IncidentTask[]>();
  });

  it("requires the request id", () => {
    expectTypeOf<QueryParams<"/incident.tasks", "get">>()
      .toHaveProperty("request_id")
      .toEqualTypeOf<number>();
    // @ts-expect-error -- the parameter is `request_id`, not `id`
    const wrong: QueryParams<"/incident.tasks", "get"> = { id: 4212 };
    void wrong;
  });

  it("restricts status and assignment type to the reference's codes", () => {
    expectTypeOf<IncidentTask["status"]>().toEqualTypeOf<0 | 1 | 2 | 3 | undefined>();
    expectTypeOf<IncidentTask["assignment_type"]>().toEqualTypeOf<1 | 2 | undefined>();
  });

  it("lets the assignee and completion date be null", () => {
    expectTypeOf<IncidentTask["completed_at"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<IncidentTask["agent_id"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<IncidentTask["wf_stage_id"]>().toEqualTypeOf<string | null | undefined>();
  });
});

describe("POST /timetracking", () => {
  type Body = FormBody<"/timetracking", "post">;

  it("requires the request, the agent and the end of the work", () => {
    expectTypeOf<RequiredKeys<Body>>().toEqualTypeOf<"request_id" | "user_id" | "to">();
  });

  it("takes epoch seconds, where GET /timetracking takes ISO-8601 strings", () => {
    expectTypeOf<Body["to"]>().toEqualTypeOf<number>();
    expectTypeOf<Body["from"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<QueryParams<"/timetracking", "get">["from"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error -- an ISO string is the reading side's format, not this one's
    const wrong: Body = { request_id: 4211, user_id: 1042, to: "2026-11-03T16:35:00+00:00" };
    void wrong;
  });

  it("answers the id of the new entry inside the status envelope", () => {
    type Answer = SuccessBody<"/timetracking", "post">;
    expectTypeOf<Answer["status"]>().toEqualTypeOf<"OK" | "ERROR">();
    expectTypeOf<Answer["timetracking_id"]>().toEqualTypeOf<number | undefined>();
  });
});
