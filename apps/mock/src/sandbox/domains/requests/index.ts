// Requests: create, read and change a request, and the rest of its tag: the lifecycle calls
// (lifecycle.ts), the people and links around it (relations.ts), and custom
// fields, CIs, attachments and tasks (items.ts).
import type { JsonObject } from "../../../spec/description.js";
import { idText, ok, refused, written } from "../../answers.js";
import { paramNamed } from "../../handler.js";
import type { DomainModule } from "../../handler.js";
import { itemHandlers } from "./items.js";
import { lifecycleHandlers } from "./lifecycle.js";
import { relationHandlers } from "./relations.js";
import { loadRequest } from "../../records/request-waits.js";
import {
  isFinal,
  REQUEST,
  REQUEST_ATTACHMENT,
  REQUEST_EXTERNAL_LINK,
  REQUEST_LINK,
  REQUEST_TASK,
  type RequestRecord,
  requestOut,
  STATUS,
  storeAttachments,
} from "../../records/requests.js";

/** Fields PUT /incident may change, and the stored field each one lands in. */
const CHANGEABLE: Record<string, string> = {
  title: "title",
  description: "description",
  type_id: "type_id",
  priority_id: "priority_id",
  category_id: "category_id",
  source_id: "source_id",
  customer_id: "user_id",
  location_id: "location_id",
  date: "date_ocurred",
};

export const domain: DomainModule = {
  tag: "Requests",
  kinds: {
    [REQUEST]: { schema: "Request" },
    // Each of these also stores the `request_id` it belongs to, left out of the answers.
    [REQUEST_ATTACHMENT]: { schema: "RequestAttachment" },
    [REQUEST_EXTERNAL_LINK]: { schema: "ExternalEntityLink" },
    [REQUEST_TASK]: { schema: "IncidentTask" },
  },
  handlers: {
    ...lifecycleHandlers,
    ...relationHandlers,
    ...itemHandlers,

    createIncident({ params, store, now }) {
      const id = store.nextId(REQUEST);
      store.put(REQUEST, {
        id,
        // Production: `#` followed by the id (MCP live smoke test).
        pretty_id: `#${id}`,
        title: params["title"] ?? "",
        description: params["description"] ?? "",
        type_id: params["type_id"] ?? 1,
        priority_id: params["priority_id"] ?? 1,
        // A new request starts in 1 New, a guess (no auto-assignment in the sandbox; rule row:
        // apps/mock/README.md#rule-post-incident).
        status_id: STATUS.new,
        // The description has no null for source_id: without one the key is left out.
        ...(params["source_id"] === undefined ? {} : { source_id: params["source_id"] }),
        category_id: params["category_id"] ?? 0,
        user_id: params["customer_id"] ?? 0,
        creator_id: params["creator_id"] ?? 0,
        assigned_id: null,
        assigned_group_id: null,
        location_id: params["location_id"] ?? null,
        process_id: null,
        custom_fields: [],
        attachments: storeAttachments(store, id, params["attachments"]),
        date_ocurred: typeof params["date"] === "number" ? params["date"] : now,
        created_at: now,
        last_update: now,
        solved_at: null,
        closed_at: null,
        closed_reason: null,
        sla_incident_first_reply: null,
        sla_incident_resolution: null,
      });
      for (const other of Array.isArray(params["related_to"]) ? params["related_to"] : []) {
        if (typeof other === "number") store.relate(REQUEST_LINK, id, other);
      }
      // PHP hands the new row id back as text (docs/wire.md#answers-that-differ-from-the-manual).
      return written("The request was created.", { request_id: idText(id) });
    },

    getIncident({ params, store, now, dates }) {
      // A wait whose date has passed, or whose awaited request is done, ends as it is read.
      const request = loadRequest(store, params["id"], now);
      // Unknown id: `false`, as GET /user answers (a guess for requests; rule row:
      // apps/mock/README.md#rule-get-incident).
      if (!request) return ok(false);
      return ok(
        requestOut(store, request, {
          dates,
          comments: params["comments"] === true,
          decoded: params["decoded_special_characters"] === true,
        }),
      );
    },

    updateIncident({ params, store, now, dates }) {
      const id = params["id"];
      const request = loadRequest(store, id, now);
      if (!request) return refused(`There is no request with id ${id}.`);
      // The refusal in Closed, Rejected and Cancelled is a guess (apps/mock/README.md#rule-put-incident).
      if (isFinal(request)) return refused(`Request ${id} is closed and can no longer be changed.`);
      const changes: JsonObject = { last_update: now };
      for (const [param, field] of Object.entries(CHANGEABLE)) {
        const value = paramNamed(params, param);
        if (value !== undefined) changes[field] = value;
      }
      const updated = store.update<RequestRecord>(REQUEST, id, changes) ?? request;
      return ok(
        requestOut(store, updated, {
          dates,
          omit: ["rating", "sla_incident_first_reply", "sla_incident_resolution"],
        }),
      );
    },
  },
};
