// Triggers: the automation rules administrators defined, and their runs of the last hour. The
// sandbox runs no automation of its own, so runs are the seeded ones (a test seeds runs at the
// times it needs); the hour is measured on the sandbox clock.
import type { Json } from "../../spec/description.js";
import { ok } from "../answers.js";
import type { DomainModule } from "../handler.js";
import type { StoredRecord } from "../store.js";

const TRIGGER = "trigger";
const EXECUTION = "trigger_execution";
/** Runs older than this many seconds are no longer readable (manual: the past 60 minutes). */
const WINDOW_SECONDS = 3600;

interface TriggerRecord extends StoredRecord {
  trigger_name: string;
}

interface ExecutionRecord extends StoredRecord {
  trigger_id: number;
  request_id: number;
  executed_at: number;
}

const wanted = (triggerId: Json | undefined) => (id: number) =>
  triggerId === undefined || id === triggerId;

export const domain: DomainModule = {
  tag: "Triggers",
  kinds: {
    [TRIGGER]: { schema: "Trigger" },
    [EXECUTION]: { schema: "TriggerExecution" },
  },
  handlers: {
    listTriggers({ params, store }) {
      const keep = wanted(params["trigger_id"]);
      return ok(
        store
          .all<TriggerRecord>(TRIGGER)
          .filter((trigger) => keep(trigger.id))
          .map((trigger) => ({ id: trigger.id, trigger_name: trigger.trigger_name })),
      );
    },

    listTriggerExecutions({ params, store, now }) {
      const keep = wanted(params["trigger_id"]);
      return ok(
        store
          .all<ExecutionRecord>(EXECUTION)
          .filter((run) => keep(run.trigger_id))
          .filter((run) => run.executed_at > now - WINDOW_SECONDS && run.executed_at <= now)
          .map((run) => ({
            id: run.id,
            trigger_id: run.trigger_id,
            request_id: run.request_id,
            executed_at: run.executed_at,
          })),
      );
    },
  },
};
