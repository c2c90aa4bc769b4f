// Request Waiting States: putting an open request on hold until something happens. Each call
// answers the write envelope; records/request-waits.ts holds the wait and how it ends.
import { refused, requireRecord, written } from "../answers.js";
import type { DomainModule, Handler, HandlerContext, OperationId } from "../handler.js";
import { loadRequest, startWait, type WaitKind } from "../records/request-waits.js";
import { isOpen, REQUEST, REQUEST_EXTERNAL_LINK, type RequestRecord } from "../records/requests.js";
import type { SandboxAnswer } from "../handler.js";

type WaitOperation = Extract<OperationId, `setIncidentWaitingFor${string}`>;

/**
 * A waitingfor call: the request must exist and be open; `check` reads the call's own
 * parameter (the date, the awaited request, the link) and may refuse it.
 */
function waitFor<Op extends WaitOperation>(
  wait: WaitKind,
  text: (id: number, value: number | null) => string,
  check: (
    context: HandlerContext<Op>,
    request: RequestRecord,
  ) => number | null | SandboxAnswer = () => null,
): Handler<Op> {
  return (context) => {
    const { params, store, now } = context;
    const id = params["request_id"];
    const request = loadRequest(store, id, now);
    if (!request) return refused(`There is no request with id ${id}.`);
    if (!isOpen(request)) {
      return refused(`Request ${id} is not open (status ${request.status_id}), so it cannot wait.`);
    }
    const value = check(context, request);
    if (value !== null && typeof value === "object") return value;
    startWait(store, request, wait, value, now);
    return written(text(id, value));
  };
}

export const domain: DomainModule = {
  tag: "Request Waiting States",
  handlers: {
    setIncidentWaitingForAgent: waitFor(
      "agent",
      (id) => `Request ${id} is now waiting for an agent.`,
    ),

    setIncidentWaitingForCustomer: waitFor(
      "customer",
      (id) => `Request ${id} is now waiting for the customer.`,
    ),

    setIncidentWaitingForDate: waitFor(
      "date",
      (id) => `Request ${id} is now waiting until the given date.`,
      ({ params }) => {
        // Sent as digits; the manual types it as a string. A date already past is taken: the
        // wait then ends the next time the request is read (a guess; rule row:
        // apps/mock/README.md#rule-post-incident-waitingfor-date).
        const raw = params["timestamp"];
        const when = typeof raw === "number" ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
        if (!Number.isInteger(when)) return refused("timestamp must be a Unix time in seconds.");
        return when;
      },
    ),

    setIncidentWaitingForIncident: waitFor(
      "request",
      (id, other) => `Request ${id} is now waiting for request ${other}.`,
      ({ params, store }, request) => {
        const other = params["wait_request_id"];
        if (other === request.id) return refused("A request cannot wait for itself.");
        const awaitedFound = requireRecord<RequestRecord>(store, REQUEST, other, "request");
        if (awaitedFound.refusal) return awaitedFound.refusal;
        const awaited = awaitedFound.record;
        if (!isOpen(awaited))
          return refused(`Request ${other} is not open, so there is nothing to wait for.`);
        return other;
      },
    ),

    setIncidentWaitingForExternalEntity: waitFor(
      "external_entity",
      (id) => `Request ${id} is now waiting for an external entity.`,
      ({ params, store }, request) => {
        const linkId = params["entity_link_id"];
        const link = store.get(REQUEST_EXTERNAL_LINK, linkId);
        // M l.2412: the link must exist first (POST /incident.external_entity).
        if (!link || link["request_id"] !== request.id || link["status"] !== true) {
          return refused(`Request ${request.id} has no external-entity link ${linkId}.`);
        }
        return linkId;
      },
    ),
  },
};
