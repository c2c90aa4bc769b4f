// Request Lists: requests read in bulk, computed from the tenant's requests. "Open" in these
// lists means not final: statuses 1-5 (Solved still waits on the customer), never 6-8
// (docs/wire.md#request-statuses). Lists by person and of the last hour page by cursor, lists of ids by offset,
// the rows of a view ten at a time by cursor.
import type { Json, JsonObject } from "../../spec/description.js";
import { idsOf, namesNone } from "../alternatives.js";
import { ok, phpMap, refused } from "../answers.js";
import type { DomainModule, HandlerContext, SandboxAnswer } from "../handler.js";
import { cursorPage } from "../paging.js";
import { catalogueName, PRIORITY, STATUS_NAME } from "../records/catalogues.js";
import { assetsById, CI, type CiRecord, requestsOfCi } from "../records/cis.js";
import {
  isFinal,
  NO_SENTIMENT,
  REQUEST,
  type RequestRecord,
  requestOut,
} from "../records/requests.js";
import { VIEW, type ViewRecord, viewColumns, viewShows } from "../records/views.js";
import type { TenantStore } from "../store.js";

/** Rows per page of GET /incidents.details.by.view (the description: ten). */
const VIEW_PAGE_SIZE = 10;

function listed(store: TenantStore): RequestRecord[] {
  return store.all<RequestRecord>(REQUEST).filter((request) => !isFinal(request));
}

/**
 * The user a by-person list names: `id` first, then `username`, then `email` (several given:
 * the first wins). Undefined when the name or address matches no user.
 */
function personId(store: TenantStore, params: JsonObject): number | undefined {
  if (typeof params["id"] === "number") return params["id"];
  for (const field of ["username", "email"]) {
    const value = params[field];
    if (typeof value === "string" && value !== "") return store.where("user", field, value)[0]?.id;
  }
  return undefined;
}

/** The answer of the lists by agent and by customer: open requests keyed by id, paged by cursor. */
function byPerson(
  { params, store, dates }: HandlerContext<"listIncidentsByAgent" | "listIncidentsByCustomer">,
  field: "assigned_id" | "user_id",
  who: string,
): SandboxAnswer {
  // Production: HTTP 200 with status ERROR, not 428 (source CA in docs/wire.md); the info
  // text is ours.
  if (namesNone(params, ["id", "username", "email"]))
    return refused(`Send id, username or email to name the ${who}.`);
  const person = personId(store, params);
  const matching =
    person === undefined ? [] : listed(store).filter((request) => request[field] === person);
  // Production's text for the agent (CA endpoints-reference); the customer's by analogy.
  const info = `Returned a list of the requests related to the given ${who}.`;
  return ok(mapPage(store, matching, params, dates, info));
}

/** Requests keyed by id in the status envelope, one cursor page (all of them without `limit`). */
function mapPage(
  store: TenantStore,
  requests: RequestRecord[],
  params: JsonObject,
  dates: HandlerContext["dates"],
  info: string,
): Json {
  const size = typeof params["limit"] === "number" ? params["limit"] : requests.length || 1;
  const page = cursorPage(requests, params["page_key"], size);
  const map: Record<string, Json> = {};
  for (const request of page.items) {
    map[String(request.id)] = requestOut(store, request, {
      dates,
      comments: params["comments"] === true,
    });
  }
  return { status: "OK", info, requests: phpMap(map), next_page_key: page.next_page_key };
}

/** The most ids production sends in one answer of GET /incidents.by.status (CT lessons). */
const STATUS_PAGE_CAP = 500;

/**
 * One offset page of request ids; `limit` is echoed as sent, null when not sent. Without `limit`
 * every id from `offset` on comes back, up to `cap` when the list has one (a larger `limit` is
 * cut down to it too).
 */
function idPage(
  ids: number[],
  params: JsonObject,
  info: string,
  { withTotal = true, cap = Infinity }: { withTotal?: boolean; cap?: number } = {},
): Json {
  const offset = typeof params["offset"] === "number" ? params["offset"] : 0;
  const limit = typeof params["limit"] === "number" ? params["limit"] : null;
  const page = ids.slice(offset, offset + Math.min(limit ?? Infinity, cap));
  return {
    status: "OK",
    info,
    requestIds: page,
    limit,
    offset,
    ...(withTotal ? { total: ids.length } : {}),
  };
}

function sentimentOf(request: RequestRecord): Json {
  return request["request_customer_sentiment_current"] ?? NO_SENTIMENT;
}

/** Counters of one CI's open requests: their ids by status id, how many by type id. */
function ciCounters(requests: RequestRecord[]): JsonObject {
  const status: Record<string, number[]> = {};
  const type: Record<string, number> = {};
  for (const request of requests) {
    (status[String(request.status_id)] ??= []).push(request.id);
    const typeKey = String(request["type_id"]);
    type[typeKey] = (type[typeKey] ?? 0) + 1;
  }
  return { status, type };
}

/** One cell of a view row: ids and texts plain, catalogue values with their label, dates as `{value}`. */
function cell(
  store: TenantStore,
  request: RequestRecord,
  column: string,
  dates: HandlerContext["dates"],
): Json {
  switch (column) {
    case "subject":
      return (request["title"] as Json) ?? "";
    case "status":
      return {
        id: request.status_id,
        label: catalogueName(store, STATUS_NAME, request.status_id) ?? "",
      };
    case "priority":
      return {
        id: (request["priority_id"] as Json) ?? null,
        label: catalogueName(store, PRIORITY, request["priority_id"]) ?? "",
      };
    case "customer":
      return (request["user_id"] as Json) ?? null;
    case "agent":
      return (request["assigned_id"] as Json) ?? null;
    case "helpdesk":
      return (request["assigned_group_id"] as Json) ?? null;
    case "created_at":
    case "last_update":
      return { value: dates.write(request[column] as number | null) };
    default:
      return (request[column] as Json) ?? null;
  }
}

function viewOf(store: TenantStore, id: number): ViewRecord | undefined {
  return store.get<ViewRecord>(VIEW, id);
}

export const domain: DomainModule = {
  tag: "Request Lists",
  kinds: { [VIEW]: { schema: "NamedItem" } },
  handlers: {
    // GET /incidents answers an object keyed by request id; ids with no request are left out,
    // and no match at all is PHP's empty map, `[]`.
    listIncidents({ params, store, dates }) {
      const found: Record<string, Json> = {};
      for (const id of params["ids"]) {
        const request = store.get<RequestRecord>(REQUEST, id);
        if (request)
          found[String(id)] = requestOut(store, request, {
            dates,
            comments: params["comments"] === true,
          });
      }
      return ok(phpMap(found));
    },

    listIncidentsByAgent: (context) => byPerson(context, "assigned_id", "agent"),
    listIncidentsByCustomer: (context) => byPerson(context, "user_id", "customer"),

    listIncidentsByHelpdesk({ params, store }) {
      // Production's answer when neither is sent (the help desk given as `id`, say): 200 ERROR
      // with this very text (source CA in docs/wire.md).
      if (namesNone(params, ["helpdesk_id", "helpdesk_ids"]))
        return refused("None of the provided helpdesk_ids is an INTEGER.");
      const desks = idsOf(params["helpdesk_id"], params["helpdesk_ids"]);
      const ids = listed(store)
        .filter((request) => desks.has(request["assigned_group_id"] as Json))
        .map((request) => request.id);
      // The help desk list is not paged: every id, `limit` null (the description).
      return ok(idPage(ids, {}, "Returned the requests of the given help desks."));
    },

    listIncidentsByStatus({ params, store }) {
      if (namesNone(params, ["status_id", "status_ids"]))
        return refused("Send status_id or status_ids to choose the statuses to list.");
      const statuses = idsOf(params["status_id"], params["status_ids"]);
      const ids = listed(store)
        .filter((request) => statuses.has(request.status_id))
        .map((request) => request.id);
      return ok(
        idPage(ids, params, "Returned a list of the requests related to the given status.", {
          cap: STATUS_PAGE_CAP,
        }),
      );
    },

    listIncidentsBySentiment({ params, store }) {
      if (namesNone(params, ["sentiment_id", "sentiment_ids"]))
        return refused("Send sentiment_id or sentiment_ids to choose the sentiments to list.");
      const wanted = idsOf(params["sentiment_id"], params["sentiment_ids"]);
      const ids = listed(store)
        .filter((request) => wanted.has(sentimentOf(request)))
        .map((request) => request.id);
      // The description: this list sends no `total`.
      return ok(
        idPage(ids, params, "Returned the requests with the given sentiments.", {
          withTotal: false,
        }),
      );
    },

    listIncidentsByView({ params, store }) {
      const viewId = params["view_id"];
      const view = viewOf(store, viewId);
      if (!view) return refused(`There is no view with id ${viewId}.`);
      const ids = store
        .all<RequestRecord>(REQUEST)
        .filter((request) => viewShows(view, request))
        .map((request) => request.id);
      // No `total` on this list in production (CT nota técnica; invgo has no field for it).
      return ok(
        idPage(ids, params, "Returned the requests of the given view.", { withTotal: false }),
      );
    },

    listIncidentDetailsByView({ params, store, dates }) {
      const viewId = params["view_id"];
      const view = viewOf(store, viewId);
      if (!view) return refused(`There is no view with id ${viewId}.`);
      const sortBy = params["sort_by"] === "last_update" ? "last_update" : "id";
      const direction = params["order_by"] === "desc" ? -1 : 1;
      const rows = store
        .all<RequestRecord>(REQUEST)
        .filter((request) => viewShows(view, request))
        .sort((a, b) => direction * ((a[sortBy] as number) - (b[sortBy] as number) || a.id - b.id));
      const columns = viewColumns(view);
      const page = cursorPage(rows, params["page_key"], VIEW_PAGE_SIZE);
      const data = page.items.map((request) => {
        const row: JsonObject = { id: request.id };
        for (const [column] of columns) row[column] = cell(store, request, column, dates);
        return row;
      });
      return ok({
        data,
        next_page_key: page.next_page_key,
        metadata: [{ columns: Object.fromEntries(columns) }],
      });
    },

    listIncidentsLastHour({ params, store, now, dates }) {
      // Created in the sixty minutes before the sandbox clock's now, oldest first.
      const recent = store
        .all<RequestRecord>(REQUEST)
        .filter((request) => {
          const created = request["created_at"];
          return typeof created === "number" && created > now - 3600 && created <= now;
        })
        .sort((a, b) => (a["created_at"] as number) - (b["created_at"] as number) || a.id - b.id);
      // Production's shape, paged or not: `{data, next_page_key}` (CA); all at once without
      // `limit` (the page size production applies then is unknown).
      const size = typeof params["limit"] === "number" ? params["limit"] : recent.length || 1;
      const page = cursorPage(recent, params["page_key"], size);
      return ok({
        data: page.items.map((request) => requestOut(store, request, { dates })),
        next_page_key: page.next_page_key,
      });
    },

    listIncidentsByAsset({ params, store }) {
      // Undescribed answer: the entries of GET /assets for one asset, of any integration.
      const assetId = params["asset_id"];
      return ok(
        assetsById(store, assetId).flatMap((asset) =>
          requestsOfCi(store, asset.id).map((request) => ({
            asset_id: assetId,
            status_id: request.status_id,
            incident_id: request.id,
          })),
        ),
      );
    },

    listIncidentsByCis({ params, store }) {
      const group = params["group"];
      const source = params["cis_source_id"];
      return ok(
        params["ci_ids"].map((ciId) => {
          const ci = store.get<CiRecord>(CI, ciId);
          const known = ci !== undefined && ci.group === group && ci.ci_source_id === source;
          const open = known ? requestsOfCi(store, ciId).filter((r) => !isFinal(r)) : [];
          return { ci_id: String(ciId), group, requests: ciCounters(open) };
        }),
      );
    },
  },
};
