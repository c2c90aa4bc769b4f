// Time Tracking: stretches of work agents log on a request, and the categories they log them
// under. Dates differ from the rest of the API: the list takes ISO-8601 filters and writes
// `iso8601noT` text by default, while POST takes epoch seconds.
import { httpError, ok, refused, requireRecord, written } from "../answers.js";
import { dateWriter, readDateFormat } from "../dates.js";
import type { DomainModule } from "../handler.js";
import { REQUEST } from "../records/requests.js";
import type { StoredRecord } from "../store.js";

export const TIMETRACKING_ENTRY = "timetracking_entry";
export const TIMETRACKING_CATEGORY = "timetracking_category";

/**
 * A stored entry. `from` and `to` are kept as full ISO-8601 text (UTC): the description types
 * them as strings, and seed records must follow its schema (apps/mock/README.md#time-tracking).
 */
interface EntryRecord extends StoredRecord {
  incident: number;
  user_id: number;
  timetracking_category_id: number;
  comment: string;
  from: string;
  to: string;
  /** Seconds, a JSON integer as production sends it (invgo, the panel). */
  total: number;
  status: number;
}

const toEpoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const toIso = (epoch: number) =>
  new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");

/** An ISO-8601 filter as epoch seconds, or undefined when it does not parse. */
function readIsoFilter(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export const domain: DomainModule = {
  tag: "Time Tracking",
  kinds: {
    [TIMETRACKING_ENTRY]: { schema: "TimeTrackingEntry" },
    [TIMETRACKING_CATEGORY]: { schema: "TimeTrackingCategory" },
  },
  handlers: {
    createTimeTrackingEntry({ params, store, now }) {
      const requestId = params["request_id"];
      const { refusal } = requireRecord(store, REQUEST, requestId, "request");
      if (refusal) return refusal;
      const category = params["category_id"];
      if (typeof category === "number" && !store.get(TIMETRACKING_CATEGORY, category)) {
        return refused(`There is no time tracking category with id ${category}.`);
      }
      const from = typeof params["from"] === "number" ? params["from"] : now;
      const to = params["to"];
      if (to < from) return refused("The end of the entry (to) comes before its start (from).");
      const id = store.nextId(TIMETRACKING_ENTRY);
      store.put(TIMETRACKING_ENTRY, {
        id,
        // Entries are keyed by `timetracking_id` on the wire: the same number as the store's id.
        timetracking_id: id,
        incident: requestId,
        user_id: params["user_id"],
        // Without a category the entry has none: 0 (our choice).
        timetracking_category_id: typeof category === "number" ? category : 0,
        comment: typeof params["comment"] === "string" ? params["comment"] : "",
        from: toIso(from),
        to: toIso(to),
        total: to - from,
        status: 1,
      });
      return written("The time was logged.", { timetracking_id: id });
    },

    listTimeTrackingEntries({ params, store, now }) {
      const requestId = params["request_id"];
      const hasFrom = params["from"] !== undefined;
      if (requestId === undefined && !hasFrom) {
        return httpError(428, "Either request_id or from is required.");
      }
      const from = readIsoFilter(params["from"]);
      const to = params["to"] === undefined ? now : readIsoFilter(params["to"]);
      if (hasFrom && from === undefined) {
        return httpError(428, "from must be an ISO-8601 date and time.");
      }
      if (to === undefined) return httpError(428, "to must be an ISO-8601 date and time.");
      const dates = dateWriter(readDateFormat(params["date_format"], "iso8601noT"));
      // An entry is in the period when it starts inside it (our choice); `to` alone bounds it
      // from above.
      const bounded = hasFrom || params["to"] !== undefined;
      const entries = store
        .all<EntryRecord>(TIMETRACKING_ENTRY)
        .filter((e) => requestId === undefined || e.incident === requestId)
        .filter((e) => !hasFrom || toEpoch(e.from) >= (from as number))
        .filter((e) => !bounded || toEpoch(e.from) <= to);
      return ok(
        entries.map((e) => {
          const { id, ...rest } = e;
          return {
            ...rest,
            timetracking_id: id,
            from: dates.write(toEpoch(e.from)) as string,
            to: dates.write(toEpoch(e.to)) as string,
          };
        }),
      );
    },

    deleteTimeTrackingEntry({ params, store }) {
      const id = params["timetracking_id"];
      const entry = store.get<EntryRecord>(TIMETRACKING_ENTRY, id);
      // Seen on a real server: an entry that does not exist gets 200 with status ERROR
      // (docs/wire.md#unknown-ids-and-refused-writes).
      if (!entry || entry.status !== 1) return refused(`There is no time entry with id ${id}.`);
      if (entry.incident !== params["request_id"] || entry.user_id !== params["user_id"]) {
        return refused(`Time entry ${id} was not logged on that request by that agent.`);
      }
      // Production refuses an existing entry the same way: logged time is permanent (MCP,
      // checked live). The texts are ours; production's is not recorded.
      return refused(`Time entry ${id} cannot be deleted; logged time is permanent.`);
    },

    listTimeTrackingCategories({ params, store }) {
      const id = params["id"];
      const categories = store
        .all(TIMETRACKING_CATEGORY)
        .filter((c) => id === undefined || c.id === id);
      return ok(categories);
    },
  },
};
