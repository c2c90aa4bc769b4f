// Request Attributes: the catalogues a request's ids point into (priorities, sources, statuses,
// types), read from the tenant's state. Each answers an array of `{id, name}`; with `id`, the
// one entry, still in an array, and `[]` when there is none with that id.
import { ok } from "../answers.js";
import type { DomainModule, Handler } from "../handler.js";
import { type NamedRecord, PRIORITY, SOURCE, STATUS_NAME, TYPE } from "../records/catalogues.js";

function catalogue(
  kind: string,
): Handler<
  | "listIncidentPriorities"
  | "listIncidentSources"
  | "listIncidentStatuses"
  | "listIncidentStatusesAlias"
  | "listIncidentTypes"
> {
  return ({ params, store }) => {
    const entries =
      typeof params["id"] === "number"
        ? [store.get<NamedRecord>(kind, params["id"])].filter((e) => e !== undefined)
        : store.all<NamedRecord>(kind);
    return ok(entries.map((entry) => ({ id: entry.id, name: entry.name })));
  };
}

export const domain: DomainModule = {
  tag: "Request Attributes",
  kinds: {
    [PRIORITY]: { schema: "NamedItem" },
    [SOURCE]: { schema: "NamedItem" },
    [STATUS_NAME]: { schema: "NamedItem" },
    [TYPE]: { schema: "NamedItem" },
  },
  handlers: {
    listIncidentPriorities: catalogue(PRIORITY),
    listIncidentSources: catalogue(SOURCE),
    listIncidentStatuses: catalogue(STATUS_NAME),
    // The current reference's plural name answers the same catalogue.
    listIncidentStatusesAlias: catalogue(STATUS_NAME),
    listIncidentTypes: catalogue(TYPE),
  },
};
