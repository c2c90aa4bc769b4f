// Request Lists: requests read in bulk. GET /incidents answers an object keyed by request id;
// ids with no request are left out, and no match at all is PHP's empty map, `[]`.
import type { Json } from "../../front/description.js";
import { ok, phpMap } from "../answers.js";
import type { DomainModule } from "../handler.js";
import { REQUEST, type RequestRecord, requestOut } from "../records/requests.js";

export const domain: DomainModule = {
  tag: "Request Lists",
  handlers: {
    listIncidents({ params, store, dates }) {
      const found: Record<string, Json> = {};
      for (const id of params["ids"] as number[]) {
        const request = store.get<RequestRecord>(REQUEST, id);
        if (request)
          found[String(id)] = requestOut(store, request, {
            dates,
            comments: params["comments"] === true,
          });
      }
      return ok(phpMap(found));
    },
  },
};
