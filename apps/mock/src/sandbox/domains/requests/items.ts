// What hangs off a request besides people: custom field values (kept in the request's own
// `custom_fields`, which GET /incident shows), related configuration items, attachments and
// tasks, and the counters of requests per configuration item.
import type { Json, JsonObject } from "../../../spec/description.js";
import { ok, phpMap, refused, requireRecord, written } from "../../answers.js";
import type { Handlers, OperationParams } from "../../handler.js";
import {
  isFinal,
  isOpen,
  knownOrUnseeded,
  REQUEST,
  REQUEST_ATTACHMENT,
  REQUEST_CI,
  REQUEST_TASK,
  type RequestRecord,
} from "../../records/requests.js";
import type { StoredRecord, TenantStore } from "../../store.js";

/**
 * Configuration items are the `ci` kind of the Lists domain. Its records follow the
 * description's ConfigurationItem (`ci_name`); the source and group fields are read under the
 * names the CI lists use, whichever is present.
 */
type CiRecord = StoredRecord;
const ciName = (ci: CiRecord) => String(ci["ci_name"] ?? ci["name"] ?? "");
const ciSource = (ci: CiRecord) => ci["ci_source_id"] ?? ci["source_id"];

/** The request's custom field values as a mutable map (`[]` when empty, as PHP sends it). */
function fieldValues(request: RequestRecord): JsonObject {
  const values = request.custom_fields;
  return values && !Array.isArray(values) && typeof values === "object" ? { ...values } : {};
}

/** The request a custom-field call may write to, or the refusal. */
function writable(
  store: TenantStore,
  params: OperationParams<
    "setIncidentCustomField" | "addIncidentCustomFieldItem" | "deleteIncidentCustomField"
  >,
) {
  const id = params["request_id"];
  const request = store.get<RequestRecord>(REQUEST, id);
  if (!request) return { refusal: refused(`There is no request with id ${id}.`) };
  if (isFinal(request)) {
    return { refusal: refused(`Request ${id} is closed and can no longer be changed.`) };
  }
  const uid = params["custom_field_uid"];
  if (!knownOrUnseeded(store, "custom_field", uid)) {
    return { refusal: refused(`There is no custom field with uid ${uid}.`) };
  }
  return { request, uid: String(uid) };
}

function saveFields(store: TenantStore, request: RequestRecord, values: JsonObject, now: number) {
  store.update(REQUEST, request.id, { custom_fields: phpMap(values), last_update: now });
}

export const itemHandlers: Handlers = {
  setIncidentCustomField({ params, store, now }) {
    const { request, uid, refusal } = writable(store, params);
    if (!request || uid === undefined) return refusal;
    const values = fieldValues(request);
    // A single-value field keeps the first entry; an empty string wipes the field.
    const first = params["values"][0] ?? "";
    if (first === "") delete values[uid];
    else values[uid] = first;
    saveFields(store, request, values, now);
    return written(`Custom field ${uid} ${first === "" ? "cleared" : "updated"}.`);
  },

  addIncidentCustomFieldItem({ params, store, now }) {
    const { request, uid, refusal } = writable(store, params);
    if (!request || uid === undefined) return refusal;
    const wanted = params["values"][0] ?? "";
    const matches = store.all<CiRecord>("ci").filter((ci) => ciName(ci) === wanted);
    const values = fieldValues(request);
    const current = values[uid];
    // A CI field holds `{<ci id>: <name>}`, like list fields; what was there stays.
    const items: Record<string, Json> =
      current && typeof current === "object" && !Array.isArray(current) ? { ...current } : {};
    for (const ci of matches) items[String(ci.id)] = ciName(ci);
    if (matches.length > 0) {
      values[uid] = items;
      saveFields(store, request, values, now);
    }
    return written(
      `${matches.length} configuration item${matches.length === 1 ? "" : "s"} added to custom field ${uid}.`,
    );
  },

  deleteIncidentCustomField({ params, store, now }) {
    const { request, uid, refusal } = writable(store, params);
    if (!request || uid === undefined) return refusal;
    const values = fieldValues(request);
    delete values[uid];
    saveFields(store, request, values, now);
    return written(`Custom field ${uid} cleared.`);
  },

  relateIncidentCiByKeyword({ params, store, now }) {
    const id = params["request_id"];
    const { refusal } = requireRecord(store, REQUEST, id, "request");
    if (refusal) return refusal;
    const keyword = String(params["keyword"] ?? "");
    if (keyword === "") return refused("keyword must not be empty.");
    const exact = params["exact_match"] === true;
    const needle = keyword.toLowerCase();
    const matches = store
      .all<CiRecord>("ci")
      .filter((ci) => (exact ? ciName(ci) === keyword : ciName(ci).toLowerCase().includes(needle)));
    for (const ci of matches) store.relate(REQUEST_CI, id, ci.id);
    if (matches.length > 0) store.update(REQUEST, id, { last_update: now });
    return written(
      `${matches.length} CI${matches.length === 1 ? "" : "s"} related to request ${id}.`,
    );
  },

  countIncidentLinkedCis({ params, store }) {
    const from = params["from"];
    const source = params["cis_source_id"];
    const counters: Json[] = [];
    for (const ci of store.all<CiRecord>("ci")) {
      if (ciSource(ci) !== source) continue;
      const requests = store
        .relatedTo(REQUEST_CI, ci.id)
        .map((id) => store.get<RequestRecord>(REQUEST, id))
        .filter((r): r is RequestRecord => r !== undefined && (r.created_at ?? 0) >= from);
      if (requests.length === 0) continue;
      const byStatus: Record<string, number> = {};
      const byType: Record<string, number> = {};
      for (const request of requests) {
        const status = String(request.status_id);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        if (isOpen(request)) {
          const type = String(request.type_id ?? 0);
          byType[type] = (byType[type] ?? 0) + 1;
        }
      }
      counters.push({
        ci_id: ci.id,
        group: String(ci["group"] ?? ""),
        requests: { status: phpMap(byStatus), type: phpMap(byType) },
      });
    }
    return ok(counters);
  },

  getIncidentAttachment({ params, store }) {
    const found = store.get(REQUEST_ATTACHMENT, params["id"]);
    // Unknown id: `false`, as GET /incident answers (apps/mock/README.md#rule-get-incident-attachment).
    if (!found) return ok(false);
    const { request_id: _request, ...attachment } = found;
    return ok(attachment);
  },

  listIncidentTasks({ params, store }) {
    const tasks = store.where(REQUEST_TASK, "request_id", params["request_id"]);
    // Every task carries `description`, null when it has none (CA, invgo).
    return ok(
      tasks.map(({ id, request_id: _request, ...task }) => ({
        task_id: id,
        ...task,
        description: task["description"] ?? null,
      })),
    );
  },
};
