// Approvals of a request as stored, and the rule that decides them. An approval record keeps
// the description's `Approval` fields plus bookkeeping that never leaves the sandbox: the
// request it belongs to, each voter's vote (who may vote is the `approval_voter` relation),
// and when it expires. Shared so that other domains can read a request's approvals.
import type { JsonObject } from "../../spec/description.js";
import type { DateWriter } from "../dates.js";
import type { StoredRecord, TenantStore } from "../store.js";

export const APPROVAL = "approval";
export const APPROVAL_TEMPLATE = "approval_template";
/** `(approval, user)` pairs: the users who may vote on an approval. */
export const APPROVAL_VOTER = "approval_voter";

/** Approval statuses, from the manual (docs/wire.md#approvals-and-votes). */
export const APPROVAL_STATUS = { cancelled: -2, waiting: -1, rejected: 0, approved: 1 } as const;
/** Vote statuses, from the manual (docs/wire.md#approvals-and-votes). */
export const VOTE = { annulled: -2, waiting: -1, rejected: 0, approved: 1, expired: 2 } as const;
export const APPROVAL_TYPE = { predefined: 1, spontaneous: 2 } as const;

/** Keys kept with an approval for the sandbox's own use, left out of every answer. */
const BOOKKEEPING = ["request_id", "votes", "notes", "expires_at", "expired_approved"] as const;

export interface ApprovalRecord extends StoredRecord {
  request_id: number;
  type: number;
  status: number;
  author_id: number;
  created_at: number;
  /** The vote of each voter, keyed by user id; a voter with no entry has not voted (-1). */
  votes: Record<string, number>;
  /** The `note` a voter gave with a vote, keyed by user id. */
  notes: Record<string, string>;
  /** When a waiting approval resolves by itself (a template's `expired_in`); null: never. */
  expires_at: number | null;
  /** The template's `expired_approved`: 1 counts an expired approval approved, 2 rejected. */
  expired_approved: number;
}

export interface ApprovalTemplateRecord extends StoredRecord {
  title: string;
  description: string;
  description_required: boolean;
  expired_in: string | number;
  expired_approved: number;
  status: number;
  /** Who votes on approvals started from this template (the template decides, not the caller). */
  voter_ids: number[];
}

export function voteOf(approval: ApprovalRecord, userId: number): number {
  return approval.votes?.[String(userId)] ?? VOTE.waiting;
}

export function votersOf(store: TenantStore, approvalId: number): number[] {
  return store.related(APPROVAL_VOTER, approvalId);
}

/**
 * The outcome the votes give (a guess, as the rule is unknown; rule row:
 * apps/mock/README.md#rule-put-incident-approval-accept): one
 * rejection rejects, every voter approving approves, anything else keeps waiting.
 */
export function outcomeOf(votes: readonly number[]): number {
  if (votes.includes(VOTE.rejected)) return APPROVAL_STATUS.rejected;
  if (votes.length > 0 && votes.every((v) => v === VOTE.approved)) return APPROVAL_STATUS.approved;
  return APPROVAL_STATUS.waiting;
}

/**
 * Closes an approval with `status`: the votes still open become `openVote` (annulled when the
 * approval is decided or cancelled, expired when time ran out).
 */
export function closeApproval(
  store: TenantStore,
  approval: ApprovalRecord,
  status: number,
  openVote: number,
): ApprovalRecord {
  const votes: Record<string, number> = { ...approval.votes };
  for (const voter of votersOf(store, approval.id)) {
    if (voteOf(approval, voter) === VOTE.waiting) votes[String(voter)] = openVote;
  }
  return store.update<ApprovalRecord>(APPROVAL, approval.id, { status, votes }) ?? approval;
}

/**
 * A waiting approval whose time ran out (sandbox clock) resolves the way its template says:
 * approved or rejected, the voters who never voted reading 2 Expired (the manual documents the
 * template fields; what the votes read afterwards is our guess).
 */
export function settleExpiry(
  store: TenantStore,
  approval: ApprovalRecord,
  now: number,
): ApprovalRecord {
  const due = approval.expires_at;
  if (approval.status !== APPROVAL_STATUS.waiting || typeof due !== "number" || now < due) {
    return approval;
  }
  const status =
    approval.expired_approved === 1 ? APPROVAL_STATUS.approved : APPROVAL_STATUS.rejected;
  return closeApproval(store, approval, status, VOTE.expired);
}

/** The approvals of a request, oldest first, with any expiry applied. */
export function approvalsOf(store: TenantStore, requestId: number, now: number): ApprovalRecord[] {
  return store
    .where<ApprovalRecord>(APPROVAL, "request_id", requestId)
    .map((approval) => settleExpiry(store, approval, now));
}

/** An approval as GET /incident.approval writes it: bookkeeping out, dates as asked. */
export function approvalOut(approval: ApprovalRecord, dates: DateWriter): JsonObject {
  const out: JsonObject = { ...approval };
  for (const key of BOOKKEEPING) delete out[key];
  return dates.fields(out, ["created_at"]);
}

/** A template as GET /incident.custom_approval writes it. */
export function templateOut(template: ApprovalTemplateRecord, dates: DateWriter): JsonObject {
  const out: JsonObject = { ...template };
  delete out["voter_ids"];
  return dates.fields(out, ["created_at"]);
}
