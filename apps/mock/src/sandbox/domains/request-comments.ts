// Request Comments: the conversation of a request. A comment with `is_solution` proposes the
// solution and moves the request to 5 Solved, which solution.accept and .reject then act on; a
// customer's comment ends a wait for the customer, an agent's a wait for the agent side.
import { httpError, ok, written } from "../answers.js";
import type { DomainModule } from "../handler.js";
import { answerWait, dropWait, loadRequest } from "../records/request-waits.js";
import {
  addComment,
  COMMENT,
  type CommentRecord,
  commentOut,
  commentsOf,
  isOpen,
  REQUEST,
  STATUS,
  storeAttachments,
} from "../records/requests.js";

export const domain: DomainModule = {
  tag: "Request Comments",
  kinds: { [COMMENT]: { schema: "RequestComment" } },
  handlers: {
    createIncidentComment({ params, store, now }) {
      const requestId = params["request_id"];
      const request = loadRequest(store, requestId, now);
      // This call documents `error` for its refusals (WriteResultWithError).
      if (!request) {
        return ok({ status: "ERROR", error: `There is no request with id ${requestId}.` });
      }
      const isSolution = params["is_solution"] === true;
      // A comment is public unless the call says otherwise (our choice: the default is unknown).
      const visible = params["customer_visible"] !== false;
      if (isSolution && !visible) {
        // Seen on a real server: HTTP 409, not an ERROR envelope (rule row:
        // apps/mock/README.md#rule-post-incident-comment).
        return httpError(409, "Cannot mark an internal comment as the solution");
      }
      if (isSolution && !isOpen(request)) {
        return ok({
          status: "ERROR",
          error: `Request ${requestId} is not open, so no solution can be proposed on it.`,
        });
      }
      addComment(
        store,
        requestId,
        {
          authorId: params["author_id"],
          message: String(params["comment"] ?? ""),
          isSolution,
          visible,
          attachments: storeAttachments(store, requestId, params["attachments"]),
        },
        now,
      );
      if (isSolution) {
        // A proposed solution replaces any wait: the request now waits for the customer's verdict.
        dropWait(store, requestId);
        store.update(REQUEST, requestId, {
          status_id: STATUS.solved,
          solved_at: now,
          last_update: now,
        });
      } else {
        answerWait(store, request, params["author_id"], now);
      }
      return written("The comment was added.");
    },

    listIncidentComments({ params, store, dates }) {
      // Unknown request: an empty list, a guess (apps/mock/README.md#rule-get-incident-comment).
      const wanted = params["is_solution"];
      const comments = commentsOf(store, params["request_id"]).filter(
        (c: CommentRecord) => wanted === undefined || c.is_solution === wanted,
      );
      const decoded = params["decoded_special_characters"] === true;
      return ok(comments.map((c) => commentOut(c, { dates, decoded })));
    },
  },
};
