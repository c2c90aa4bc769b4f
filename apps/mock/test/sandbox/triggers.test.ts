// Triggers in sandbox mode: the defined triggers, and only the runs of the last hour on the
// sandbox clock (the sandbox runs no automation, so the runs come from the seed).
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const now = Math.floor(Date.now() / 1000);

const it = sandboxTest({
  seed: {
    extends: "builtin",
    records: {
      trigger: [{ id: 20, trigger_name: "Escalate urgent requests" }],
      trigger_execution: [
        { id: 5532, trigger_id: 19, request_id: 4212, executed_at: now - 600 },
        { id: 5533, trigger_id: 20, request_id: 4211, executed_at: now - 300 },
        { id: 5534, trigger_id: 20, request_id: 4212, executed_at: now - 4000 },
      ],
    },
  },
});

describe("triggers and their runs", () => {
  it("lists the triggers, or one of them, in an array", async ({ client }) => {
    const sd = client("triggers");
    expect((await sd.GET("/triggers")).data).toEqual([
      { id: 19, trigger_name: "Notify field team on hardware requests" },
      { id: 20, trigger_name: "Escalate urgent requests" },
    ]);
    expect((await sd.GET("/triggers", { params: { query: { trigger_id: 20 } } })).data).toEqual([
      { id: 20, trigger_name: "Escalate urgent requests" },
    ]);
    expect((await sd.GET("/triggers", { params: { query: { trigger_id: 99 } } })).data).toEqual([]);
  });

  it("lists the runs of the last hour only, narrowed by trigger_id", async ({ client }) => {
    const sd = client("triggers");
    // 5531 (November 2026) and 5534 (over an hour ago) are out of the window.
    const recent = (await sd.GET("/triggers.executions")).data as { id: number }[];
    expect(recent.map((run) => run.id)).toEqual([5532, 5533]);
    expect(
      (await sd.GET("/triggers.executions", { params: { query: { trigger_id: 20 } } })).data,
    ).toEqual([{ id: 5533, trigger_id: 20, request_id: 4211, executed_at: now - 300 }]);
  });
});
