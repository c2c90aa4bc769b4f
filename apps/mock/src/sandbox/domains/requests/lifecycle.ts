// The calls that move a request through its statuses (docs/wire.md#calls-that-move-a-request;
// each call's rule is a row of apps/mock/README.md#requests): reassign,
// reject, cancel, solution accept and reject, reopen, and the promotion to a major incident.
// Refusals are HTTP 200 with `status: ERROR` and an `info` naming what is wrong.
import { ok, refused, written } from "../../answers.js";
import type { Handlers } from "../../handler.js";
import { dropWait, loadRequest } from "../../records/request-waits.js";
import {
  addComment,
  isOpen,
  knownOrUnseeded,
  REQUEST,
  type RequestRecord,
  STATUS,
} from "../../records/requests.js";
import type { TenantStore } from "../../store.js";

/** The request a call names, settled, or the refusal to answer when it is missing. */
function found(store: TenantStore, id: number, now: number) {
  const request = loadRequest(store, id, now);
  return request ? { request } : { refusal: refused(`There is no request with id ${id}.`) };
}

const notOpen = (request: RequestRecord) =>
  refused(`Request ${request.id} is not open (status ${request.status_id}).`);

/** Ends a request in a final status (7 Rejected, 8 Cancelled); its wait ends with it. */
function finish(store: TenantStore, request: RequestRecord, status: number, now: number): void {
  dropWait(store, request.id);
  store.update(REQUEST, request.id, { status_id: status, closed_at: now, last_update: now });
}

export const lifecycleHandlers: Handlers = {
  reassignIncident({ params, store, now }) {
    const { request, refusal } = found(store, params["request_id"], now);
    if (!request) return refusal;
    if (!isOpen(request)) return notOpen(request);
    const groupId = params["group_id"];
    // `group_id` is a help desk or a level (levels are addressed as help desks).
    const desk = store.get("helpdesk", groupId) ?? store.get("level", groupId);
    if (!desk && store.count("helpdesk") + store.count("level") > 0) {
      return refused(`There is no help desk or level with id ${groupId}.`);
    }
    const agentId = params["agent_id"];
    if (agentId !== undefined && !knownOrUnseeded(store, "user", agentId)) {
      return refused(`There is no agent with id ${agentId}.`);
    }
    // A new request becomes 2 Open once an agent has it, a guess
    // (apps/mock/README.md#rule-post-incident-reassign).
    const opens = agentId !== undefined && request.status_id === STATUS.new;
    store.update(REQUEST, request.id, {
      assigned_group_id: groupId,
      assigned_id: agentId ?? null,
      ...(opens ? { status_id: STATUS.open } : {}),
      last_update: now,
    });
    return written(`Request ${request.id} was reassigned.`);
  },

  rejectIncident({ params, store, now }) {
    const { request, refusal } = found(store, params["request_id"], now);
    if (!request) return refusal;
    if (!isOpen(request)) return notOpen(request);
    finish(store, request, STATUS.rejected, now);
    return written(`Request ${request.id} was rejected.`);
  },

  cancelIncident({ params, store, now }) {
    const { request, refusal } = found(store, params["request_id"], now);
    if (!request) return refusal;
    if (!isOpen(request)) return notOpen(request);
    const reason = params["comment"];
    if (typeof reason === "string" && reason !== "") {
      // The reason given stays in the conversation, so it can be read back (our choice).
      addComment(store, request.id, { authorId: params["author_id"], message: reason }, now);
    }
    finish(store, request, STATUS.cancelled, now);
    return written(`Request ${request.id} was cancelled.`);
  },

  acceptIncidentSolution({ params, store, now }) {
    const { request, refusal } = found(store, params["id"], now);
    if (!request) return refusal;
    if (request.status_id !== STATUS.solved) {
      return refused(`Request ${request.id} has no proposed solution to accept.`);
    }
    const rating = params["rating"];
    const comment = typeof params["comment"] === "string" ? params["comment"] : "";
    if (rating < 4 && comment === "") {
      return refused("A rating below 4 needs a comment saying why.");
    }
    if (comment !== "") {
      addComment(store, request.id, { authorId: request.user_id ?? 0, message: comment }, now);
    }
    // M l.1259: closed_reason 1 is a solution the customer accepted.
    store.update(REQUEST, request.id, {
      status_id: STATUS.closed,
      closed_at: now,
      closed_reason: 1,
      rating,
      last_update: now,
    });
    return written(`The solution of request ${request.id} was accepted.`);
  },

  rejectIncidentSolution({ params, store, now }) {
    const { request, refusal } = found(store, params["id"], now);
    if (!request) return refusal;
    if (request.status_id !== STATUS.solved) {
      return refused(`Request ${request.id} has no proposed solution to reject.`);
    }
    const comment = String(params["comment"] ?? "");
    if (comment === "") return refused("Rejecting a solution needs a comment saying why.");
    addComment(store, request.id, { authorId: request.user_id ?? 0, message: comment }, now);
    // Back to work: 2 Open, and the request is no longer solved (a guess; rule rows:
    // apps/mock/README.md#rule-put-incident-reopen and #rule-put-incident-solution-reject).
    store.update(REQUEST, request.id, {
      status_id: STATUS.open,
      solved_at: null,
      last_update: now,
    });
    return written(`The solution of request ${request.id} was rejected.`);
  },

  reopenIncident({ params, store, now }) {
    const id = params["request_id"];
    const request = loadRequest(store, id, now);
    if (!request) {
      const text = `There is no request with id ${id}.`;
      return refused(text, { error: text });
    }
    if (request.status_id !== STATUS.solved && request.status_id !== STATUS.closed) {
      const text = `Request ${id} is not solved or closed, so it cannot be reopened.`;
      return refused(text, { error: text });
    }
    store.update(REQUEST, id, {
      status_id: STATUS.open,
      solved_at: null,
      closed_at: null,
      closed_reason: null,
      rating: null,
      last_update: now,
    });
    return written(`Request ${id} reopened.`);
  },

  promoteIncidentToMajorIncident({ params, store, now }) {
    const id = params["request_id"];
    const request = loadRequest(store, id, now);
    // This call reports through `success` and `messages`, not the status envelope.
    if (!request) return ok({ success: false, messages: [`There is no request with id ${id}.`] });
    if (!isOpen(request)) {
      return ok({ success: false, messages: [`Request ${id} is not open.`] });
    }
    if (request.type_id === MAJOR_INCIDENT) {
      return ok({ success: false, messages: [`Request ${id} is already a major incident.`] });
    }
    store.update(REQUEST, id, { type_id: MAJOR_INCIDENT, last_update: now });
    return ok({ success: true, messages: [] });
  },
};

/** Request type 6 (docs/example-data.md's catalogue). */
const MAJOR_INCIDENT = 6;
