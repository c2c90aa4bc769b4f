// Request Comments: the conversation of a request. A comment with `is_solution` proposes the
// solution and moves the request to 5 Solved, which solution.accept and .reject then act on.
import { httpError, ok, written } from "../answers.js";
import type { DomainModule } from "../handler.js";
import {
  COMMENT,
  type CommentRecord,
  commentOut,
  commentsOf,
  isOpen,
  REQUEST,
  type RequestRecord,
  STATUS,
} from "../records/requests.js";

export const domain: DomainModule = {
  tag: "Request Comments",
  kinds: { [COMMENT]: { schema: "RequestComment" } },
  handlers: {
    createIncidentComment({ params, store, now }) {
      const requestId = params["request_id"] as number;
      const request = store.get<RequestRecord>(REQUEST, requestId);
      // This call documents `error` for its refusals (WriteResultWithError).
      if (!request) {
        return ok({ status: "ERROR", error: `There is no request with id ${requestId}.` });
      }
      const isSolution = params["is_solution"] === true;
      // A comment is public unless the call says otherwise (our choice: the default is unknown).
      const visible = params["customer_visible"] !== false;
      if (isSolution && !visible) {
        // LIFECYCLE.md 2 (U8, observed): HTTP 409, not an ERROR envelope.
        return httpError(409, "Cannot mark an internal comment as the solution");
      }
      if (isSolution && !isOpen(request)) {
        return ok({
          status: "ERROR",
          error: `Request ${requestId} is not open, so no solution can be proposed on it.`,
        });
      }
      const comments = commentsOf(store, requestId);
      store.insert(COMMENT, {
        incident_id: requestId,
        author_id: params["author_id"] as number,
        message: String(params["comment"] ?? ""),
        created_at: now,
        msg_num: comments.length + 1,
        reference: null,
        attachments: [],
        is_solution: isSolution,
        customer_visible: visible,
      });
      store.update(
        REQUEST,
        requestId,
        isSolution
          ? { status_id: STATUS.solved, solved_at: now, last_update: now }
          : { last_update: now },
      );
      return written("The comment was added.");
    },

    listIncidentComments({ params, store, dates }) {
      // Unknown request: an empty list (LIFECYCLE.md 4: a guess).
      const wanted = params["is_solution"];
      const comments = commentsOf(store, params["request_id"] as number).filter(
        (c: CommentRecord) => wanted === undefined || c.is_solution === wanted,
      );
      const decoded = params["decoded_special_characters"] === true;
      return ok(comments.map((c) => commentOut(c, { dates, decoded })));
    },
  },
};
