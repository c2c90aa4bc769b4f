// Request Approvals: approvals started on a request from a template or on the spot, their
// voters and votes, and the catalogues of statuses and types. Votes decide an approval with
// the rule in records/approvals.ts; an approval waits until decided, cancelled or expired.
import { ok, phpMap, refused, written } from "../answers.js";
import type { DomainModule, HandlerContext, SandboxAnswer } from "../handler.js";
import {
  APPROVAL,
  APPROVAL_STATUS,
  APPROVAL_TEMPLATE,
  APPROVAL_TYPE,
  APPROVAL_VOTER,
  type ApprovalRecord,
  type ApprovalTemplateRecord,
  approvalOut,
  approvalsOf,
  closeApproval,
  outcomeOf,
  settleExpiry,
  templateOut,
  VOTE,
  voteOf,
  votersOf,
} from "../records/approvals.js";
import { isFinal, REQUEST, type RequestRecord } from "../records/requests.js";

/** The catalogues, in the manual's English words (docs/wire.md#approvals-and-votes). */
const STATUS_LABELS = { "-2": "Cancelled", "-1": "Waiting", "0": "Rejected", "1": "Approved" };
const TYPE_LABELS = { "1": "Predefined approval", "2": "Spontaneous approval" };
const VOTE_LABELS = {
  "-2": "Annulled",
  "-1": "Waiting",
  "0": "Rejected",
  "1": "Approved",
  "2": "Expired",
};

/** A request that can still get an approval: it exists and is not closed, rejected or cancelled. */
function approvableRequest(
  store: HandlerContext["store"],
  requestId: number,
): RequestRecord | string {
  const request = store.get<RequestRecord>(REQUEST, requestId);
  if (!request) return `There is no request with id ${requestId}.`;
  if (isFinal(request)) return `Request ${requestId} is closed, so it cannot get an approval.`;
  return request;
}

/** The approval a vote, cancel or new voter is aimed at, if it exists and still waits. */
function waitingApproval(
  { store, now }: HandlerContext,
  approvalId: number,
): ApprovalRecord | string {
  const stored = store.get<ApprovalRecord>(APPROVAL, approvalId);
  if (!stored) return `There is no approval with id ${approvalId}.`;
  const approval = settleExpiry(store, stored, now);
  if (approval.status !== APPROVAL_STATUS.waiting) {
    return `Approval ${approvalId} is no longer waiting for votes.`;
  }
  return approval;
}

/** Records one voter's vote, then decides the approval if the votes now say so. */
function castVote(
  context: HandlerContext<"acceptIncidentApproval" | "rejectIncidentApproval">,
  vote: number,
  verb: string,
): SandboxAnswer {
  const { params, store } = context;
  const approvalId = params["approval_id"];
  const userId = params["user_id"];
  const approval = waitingApproval(context, approvalId);
  if (typeof approval === "string") return refused(approval);
  const voters = votersOf(store, approvalId);
  if (!voters.includes(userId)) {
    return refused(`User ${userId} is not a voter of approval ${approvalId}.`);
  }
  if (voteOf(approval, userId) !== VOTE.waiting) {
    return refused(`User ${userId} has already voted on approval ${approvalId}.`);
  }
  const votes = { ...approval.votes, [String(userId)]: vote };
  const notes =
    typeof params["note"] === "string"
      ? { ...approval.notes, [String(userId)]: params["note"] }
      : (approval.notes ?? {});
  const updated = store.update<ApprovalRecord>(APPROVAL, approvalId, { votes, notes }) ?? approval;
  const outcome = outcomeOf(voters.map((voter) => voteOf(updated, voter)));
  if (outcome !== APPROVAL_STATUS.waiting) closeApproval(store, updated, outcome, VOTE.annulled);
  return written(`Approval ${approvalId} ${verb}.`);
}

/**
 * The fields every new approval starts with (the five reminder keys as
 * docs/wire.md#answers-that-differ-from-the-manual records them).
 */
function newApproval(fields: {
  request_id: number;
  approval_request_id: number;
  approval_request_description: string;
  type: number;
  author_id: number;
  now: number;
}) {
  return {
    request_id: fields.request_id,
    approval_request_id: fields.approval_request_id,
    approval_request_description: fields.approval_request_description,
    type: fields.type,
    status: APPROVAL_STATUS.waiting,
    author_id: fields.author_id,
    created_at: fields.now,
    is_using_approval_manager: 0,
    reminder_count: 0,
    reassigned: 0,
    reminders_sent: 0,
    last_reminder_date: 0,
    votes: {},
    notes: {},
    expires_at: null,
    expired_approved: 2,
  };
}

/** A template's `expired_in` (seconds, text or number) as a number, or null without one. */
function expirySeconds(template: ApprovalTemplateRecord): number | null {
  const seconds = Number(template.expired_in);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export const domain: DomainModule = {
  tag: "Request Approvals",
  kinds: {
    [APPROVAL]: { schema: "Approval" },
    [APPROVAL_TEMPLATE]: { schema: "CustomApprovalTemplate" },
  },
  handlers: {
    listIncidentApprovals({ params, store, now, dates }) {
      // Unknown request: an empty list, as the description says for a request with none.
      const pendingOnly = params["only_pending"] === true;
      const approvals = approvalsOf(store, params["request_id"], now).filter(
        (a) => !pendingOnly || a.status === APPROVAL_STATUS.waiting,
      );
      return ok(approvals.map((a) => approvalOut(a, dates)));
    },

    listIncidentApprovalPossibleVoters(context) {
      const { params, store, now } = context;
      const approvalId = params["approval_id"];
      const stored = store.get<ApprovalRecord>(APPROVAL, approvalId);
      if (!stored) return ok([]);
      const approval = settleExpiry(store, stored, now);
      const pendingOnly = params["only_pending"] === true;
      const voters = votersOf(store, approvalId)
        .map((user_id) => ({ user_id, status: voteOf(approval, user_id) }))
        .filter((v) => !pendingOnly || v.status === VOTE.waiting);
      return ok(voters);
    },

    acceptIncidentApproval(context) {
      return castVote(context, VOTE.approved, "accepted");
    },

    rejectIncidentApproval(context) {
      return castVote(context, VOTE.rejected, "rejected");
    },

    cancelIncidentApproval(context) {
      const approvalId = context.params["approval_id"];
      const approval = waitingApproval(context, approvalId);
      if (typeof approval === "string") return refused(approval);
      closeApproval(context.store, approval, APPROVAL_STATUS.cancelled, VOTE.annulled);
      return written(`Approval ${approvalId} cancelled.`);
    },

    addIncidentApprovalVoter(context) {
      const { params, store } = context;
      const approvalId = params["approval_id"];
      const userId = params["user_id"];
      const approval = waitingApproval(context, approvalId);
      if (typeof approval === "string") return refused(approval);
      // A user who already votes stays as they are: their vote is kept (our choice).
      store.relate(APPROVAL_VOTER, approvalId, userId);
      return ok({ status: "OK", approval_id: approvalId, user_id: userId });
    },

    listIncidentCustomApprovals({ params, store, dates }) {
      // Every active template is offered on a request that can still get an approval (our
      // choice: the sandbox runs no workflow to tie templates to requests).
      const request = approvableRequest(store, params["request_id"]);
      if (typeof request === "string") return ok([]);
      const offered: Record<string, ReturnType<typeof templateOut>> = {};
      for (const template of store.all<ApprovalTemplateRecord>(APPROVAL_TEMPLATE)) {
        if (template.status !== -1) offered[String(template.id)] = templateOut(template, dates);
      }
      return ok(phpMap(offered));
    },

    createIncidentCustomApproval({ params, store, now }) {
      const requestId = params["request_id"];
      const request = approvableRequest(store, requestId);
      if (typeof request === "string") return refused(request);
      const templateId = params["approval_id"];
      const template = store.get<ApprovalTemplateRecord>(APPROVAL_TEMPLATE, templateId);
      if (!template || template.status === -1) {
        return refused(`There is no approval template with id ${templateId}.`);
      }
      const description = typeof params["description"] === "string" ? params["description"] : "";
      if (template.description_required === true && description.trim() === "") {
        return refused(`Approval template ${templateId} requires a description.`);
      }
      const voters = template.voter_ids ?? [];
      if (voters.length === 0) {
        return refused(`Approval template ${templateId} names no voter.`);
      }
      const seconds = expirySeconds(template);
      const approval = store.insert(APPROVAL, {
        ...newApproval({
          request_id: requestId,
          approval_request_id: templateId,
          approval_request_description: description,
          type: APPROVAL_TYPE.predefined,
          author_id: params["author_id"],
          now,
        }),
        expires_at: seconds === null ? null : now + seconds,
        expired_approved: template.expired_approved,
      });
      for (const voter of voters) store.relate(APPROVAL_VOTER, approval.id, voter);
      return written(`Approval ${approval.id} started on request ${requestId}.`);
    },

    createIncidentSpontaneousApproval({ params, store, now }) {
      const requestId = params["request_id"];
      const request = approvableRequest(store, requestId);
      if (typeof request === "string") return refused(request);
      const approval = store.insert(
        APPROVAL,
        newApproval({
          request_id: requestId,
          // No template behind a spontaneous approval (our choice of value).
          approval_request_id: 0,
          approval_request_description: params["description"],
          type: APPROVAL_TYPE.spontaneous,
          author_id: params["author_id"],
          now,
        }),
      );
      store.relate(APPROVAL_VOTER, approval.id, params["approval_user_id"]);
      return written(`Approval ${approval.id} started on request ${requestId}.`);
    },

    listIncidentApprovalStatuses() {
      return ok(STATUS_LABELS);
    },

    listIncidentApprovalTypes() {
      return ok(TYPE_LABELS);
    },

    listIncidentApprovalVoteStatuses() {
      return ok(VOTE_LABELS);
    },
  },
};
