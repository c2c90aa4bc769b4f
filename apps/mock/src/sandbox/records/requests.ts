// Requests and their comments as stored, and as the answers write them. Shared by every domain
// that reads or moves a request (requests, comments, lists, waiting states, approvals).
import type { Json, JsonObject } from "../../spec/description.js";
import type { DateWriter } from "../dates.js";
import type { StoredRecord, TenantStore } from "../store.js";

export const REQUEST = "request";
export const COMMENT = "request_comment";
/** `(request, related request)` pairs from `related_to` on creation and POST /incident.link. */
export const REQUEST_LINK = "request_link";
/** `(request, user)` pairs: users who follow a request. */
export const REQUEST_OBSERVER = "request_observer";
/** `(request, user)` pairs: users invited to work on a request beside its agent. */
export const REQUEST_COLLABORATOR = "request_collaborator";
/** `(request, configuration item)` pairs: the CIs a request is related to. */
export const REQUEST_CI = "request_ci";
/** Links between a request and an external entity (`ExternalEntityLink`, plus `request_id`). */
export const REQUEST_EXTERNAL_LINK = "request_external_link";
/** Files attached to a request or its comments (`RequestAttachment`, plus `request_id`). */
export const REQUEST_ATTACHMENT = "request_attachment";
/** Tasks of a request (`IncidentTask` keyed by `task_id`, plus `request_id`). */
export const REQUEST_TASK = "request_task";

/** Request statuses (docs/wire.md#request-statuses). */
export const STATUS = {
  new: 1,
  open: 2,
  pending: 3,
  waiting: 4,
  solved: 5,
  closed: 6,
  rejected: 7,
  cancelled: 8,
} as const;

/** New, Open, Pending and Waiting: the states in which work on a request goes on. */
export function isOpen(request: RequestRecord): boolean {
  return request.status_id >= STATUS.new && request.status_id <= STATUS.waiting;
}

/** Closed, Rejected and Cancelled: nothing moves a request out of these but a reopen. */
export function isFinal(request: RequestRecord): boolean {
  return request.status_id >= STATUS.closed;
}

export interface RequestRecord extends StoredRecord {
  status_id: number;
  last_update: number;
  user_id: number;
  type_id: number;
  created_at: number;
  custom_fields: Json;
}

/** Both sides of the symmetric `request_link` relation: every request linked to `id`. */
export function linkedRequestIds(store: TenantStore, id: number): number[] {
  const ids = new Set([...store.related(REQUEST_LINK, id), ...store.relatedTo(REQUEST_LINK, id)]);
  return [...ids].sort((a, b) => a - b);
}

/**
 * Whether `id` names a record of `kind`, tolerating a kind no domain has seeded yet: each
 * domain owns its kinds, and a reference to a kind with no records at all cannot be checked.
 */
export function knownOrUnseeded(store: TenantStore, kind: string, id: number): boolean {
  return store.get(kind, id) !== undefined || store.count(kind) === 0;
}

export interface CommentRecord extends StoredRecord {
  incident_id: number;
  author_id: number;
  message: string;
  created_at: number;
  msg_num: number;
  is_solution: boolean;
  customer_visible: boolean;
}

const REQUEST_DATES = ["date_ocurred", "created_at", "last_update", "solved_at", "closed_at"];

/** PHP's htmlspecialchars, which the server applies to comment text unless told not to. */
function encodeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#039;");
}

export interface CommentView {
  dates: DateWriter;
  /** `decoded_special_characters`: the message as written, not HTML-encoded. */
  decoded: boolean;
}

export function commentOut(comment: CommentRecord, view: CommentView): JsonObject {
  const out: JsonObject = view.dates.fields({ ...comment }, ["created_at"]);
  if (!view.decoded) out["message"] = encodeHtml(comment.message);
  return out;
}

export function commentsOf(store: TenantStore, requestId: number): CommentRecord[] {
  return store.where<CommentRecord>(COMMENT, "incident_id", requestId);
}

export interface RequestView {
  dates: DateWriter;
  /** `comments=1`: embed the conversation, oldest first. */
  comments?: boolean;
  decoded?: boolean;
  /** Keys PUT /incident leaves out of its answer (`rating`, the SLA texts). */
  omit?: readonly string[];
}

/** The customer sentiment keys every request carries. */
const SENTIMENT_KEYS = [
  "request_customer_sentiment_initial",
  "request_customer_sentiment_current",
] as const;
/**
 * The sentiment of a request nobody has rated yet (a guess, in the row
 * apps/mock/README.md#rule-get-incident).
 */
export const NO_SENTIMENT = "neutral";

export function requestOut(
  store: TenantStore,
  request: RequestRecord,
  view: RequestView,
): JsonObject {
  const out: { [key: string]: Json } = view.dates.fields({ ...request }, REQUEST_DATES);
  // Production sends both sentiment keys on every request (invgo, CA); a request with none
  // recorded reads as neutral, as the sentiment list counts it (a guess, in the row
  // apps/mock/README.md#rule-get-incident).
  for (const key of SENTIMENT_KEYS) out[key] ??= NO_SENTIMENT;
  for (const key of view.omit ?? []) delete out[key];
  if (view.comments) {
    // Comments embedded in a request carry `customer_visible` as 0/1 (what invgo decodes, and
    // what the description says); GET /incident.comment sends the same flag as a boolean.
    // Production leaves `is_solution` out of embedded comments (CT, checked live); only
    // GET /incident.comment sends it.
    out["comments"] = commentsOf(store, request.id).map((c) => {
      const comment = commentOut(c, { dates: view.dates, decoded: view.decoded ?? false });
      const { is_solution: _solution, ...embedded } = comment;
      return { ...embedded, customer_visible: c.customer_visible ? 1 : 0 };
    });
  }
  return out;
}

export interface NewComment {
  authorId: number;
  message: string;
  isSolution?: boolean;
  /** Public unless said otherwise. */
  visible?: boolean;
  /** Ids of the comment's files (`storeAttachments`). */
  attachments?: number[];
}

/** Appends a comment to a request's conversation (`msg_num` counts up) and bumps `last_update`. */
export function addComment(
  store: TenantStore,
  requestId: number,
  comment: NewComment,
  now: number,
): CommentRecord {
  const count = commentsOf(store, requestId).length;
  const stored = store.insert(COMMENT, {
    incident_id: requestId,
    author_id: comment.authorId,
    message: comment.message,
    created_at: now,
    msg_num: count + 1,
    reference: null,
    attachments: comment.attachments ?? [],
    is_solution: comment.isSolution ?? false,
    customer_visible: comment.visible ?? true,
  });
  store.update(REQUEST, requestId, { last_update: now });
  return stored as unknown as CommentRecord;
}

/**
 * Records the files of a multipart `attachments[]` and answers their new ids. The front reads
 * only each part's file name (the bytes are dropped), so a record has the name and extension
 * but no checksum and no download URL: nothing could be served from them.
 */
export function storeAttachments(store: TenantStore, requestId: number, files: unknown) {
  const names = (Array.isArray(files) ? files : files === undefined ? [] : [files]).filter(
    (name): name is string => typeof name === "string" && name !== "",
  );
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
    return store.insert(REQUEST_ATTACHMENT, { request_id: requestId, name, extension }).id;
  });
}
