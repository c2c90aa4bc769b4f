// What a request is waiting for, and how a wait ends. The waitingfor.* calls put a request on
// hold (status 4 Waiting, or 3 Pending for the agent side); no source says how a wait ends, so
// the sandbox ends each one on the event its name points at (a guess, one row per call
// from apps/mock/README.md#rule-post-incident-waitingfor-customer on): the customer
// answering, the date passing on the sandbox clock, the awaited request being solved or
// finished, an agent answering a request that waits for the agent side. Any other move of the
// request (a new wait, a solution, reject, cancel) replaces the wait.
import type { TenantStore, StoredRecord } from "../store.js";
import { isOpen, REQUEST, type RequestRecord, STATUS } from "./requests.js";

/** One record per waiting request, keyed by the request's id; gone once the wait ends. */
export const REQUEST_WAIT = "request_wait";

export type WaitKind = "agent" | "customer" | "date" | "request" | "external_entity";

export interface WaitRecord extends StoredRecord {
  wait_for: WaitKind;
  /** The date (epoch seconds), the awaited request or the external-entity link. */
  value: number | null;
  since: number;
}

/** Puts an open request on hold; the status says which side the next move is up to. */
export function startWait(
  store: TenantStore,
  request: RequestRecord,
  wait: WaitKind,
  value: number | null,
  now: number,
): void {
  store.put<WaitRecord>(REQUEST_WAIT, { id: request.id, wait_for: wait, value, since: now });
  const status = wait === "agent" ? STATUS.pending : STATUS.waiting;
  store.update(REQUEST, request.id, { status_id: status, last_update: now });
}

/** Forgets a request's wait without moving it (the caller sets the status it leaves in). */
export function dropWait(store: TenantStore, requestId: number): void {
  store.remove(REQUEST_WAIT, requestId);
}

/** Ends a wait and puts the request back to 2 Open, if it is still on hold. */
function endWait(store: TenantStore, request: RequestRecord, now: number): RequestRecord {
  dropWait(store, request.id);
  if (request.status_id !== STATUS.pending && request.status_id !== STATUS.waiting) return request;
  return (
    store.update<RequestRecord>(REQUEST, request.id, {
      status_id: STATUS.open,
      last_update: now,
    }) ?? request
  );
}

/**
 * Ends the waits whose event has happened by `now`: a date that has passed, an awaited request
 * that is no longer open. Called whenever a handler reads a request, so the clock drives it.
 */
export function settleWait(store: TenantStore, request: RequestRecord, now: number): RequestRecord {
  const wait = store.get<WaitRecord>(REQUEST_WAIT, request.id);
  if (!wait) return request;
  if (!isOpen(request)) {
    dropWait(store, request.id);
    return request;
  }
  if (wait.wait_for === "date" && wait.value !== null && now >= wait.value) {
    return endWait(store, request, now);
  }
  if (wait.wait_for === "request" && wait.value !== null) {
    const awaited = store.get<RequestRecord>(REQUEST, wait.value);
    if (!awaited || !isOpen(awaited)) return endWait(store, request, now);
  }
  return request;
}

/**
 * A comment ends the wait it answers: the customer's for a customer wait, anyone else's for a
 * wait on the agent side.
 */
export function answerWait(
  store: TenantStore,
  request: RequestRecord,
  authorId: number,
  now: number,
): RequestRecord {
  const wait = store.get<WaitRecord>(REQUEST_WAIT, request.id);
  if (!wait) return request;
  const byCustomer = authorId === request.user_id;
  if ((wait.wait_for === "customer" && byCustomer) || (wait.wait_for === "agent" && !byCustomer)) {
    return endWait(store, request, now);
  }
  return request;
}

/** Reads a request and settles its wait first; undefined when there is none. */
export function loadRequest(
  store: TenantStore,
  id: number,
  now: number,
): RequestRecord | undefined {
  const request = store.get<RequestRecord>(REQUEST, id);
  return request ? settleWait(store, request, now) : undefined;
}
