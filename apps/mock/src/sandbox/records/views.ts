// Saved views of the agent interface. A view is a named filter over the requests plus the
// columns GET /incidents.details.by.view shows. Stored as a NamedItem (`id`, `name`) with:
//   `filter`: optional lists `status_ids`, `category_ids`, `type_ids`, `helpdesk_ids`,
//             `assigned_ids`, `customer_ids`; a request must match every list given;
//   `columns`: `[column, label]` pairs, in display order.
import type { Json } from "../../spec/description.js";
import type { StoredRecord } from "../store.js";
import type { RequestRecord } from "./requests.js";

export const VIEW = "view";

export interface ViewRecord extends StoredRecord {
  name: string;
  filter: Json;
  columns: Json;
}

/** Each filter list and the request field it tests. */
const FILTER_FIELDS: Record<string, string> = {
  status_ids: "status_id",
  category_ids: "category_id",
  type_ids: "type_id",
  helpdesk_ids: "assigned_group_id",
  assigned_ids: "assigned_id",
  customer_ids: "user_id",
};

export function viewShows(view: ViewRecord, request: RequestRecord): boolean {
  for (const [list, field] of Object.entries(FILTER_FIELDS)) {
    const filter = view.filter;
    const wanted =
      filter && typeof filter === "object" && !Array.isArray(filter) ? filter[list] : undefined;
    if (Array.isArray(wanted) && !wanted.includes(request[field] as Json)) return false;
  }
  return true;
}

/** The view's columns as `[column, label]` pairs; malformed entries are skipped. */
export function viewColumns(view: ViewRecord): Array<[string, string]> {
  if (!Array.isArray(view.columns)) return [];
  return view.columns.filter(
    (c): c is [string, string] =>
      Array.isArray(c) && typeof c[0] === "string" && typeof c[1] === "string",
  );
}
