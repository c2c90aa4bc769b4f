// A client for the people domains' sandbox tests (Users, Groups, Companies, Locations): its
// transport checks every answer against the description and gathers the ones that differ,
// except the answers the sandbox gives where the description says nothing (each a recorded
// decision, listed in `undescribed`).
import { expect } from "vitest";
import { checkingFetch as checking, sandboxClient } from "./checked-client.js";

/** Membership writes and reads whose container may be unknown: they refuse with the envelope. */
const RELATION_WRITES = new Set([
  "/groups.users",
  "/companies.users",
  "/companies.groups",
  "/locations.users",
]);

/**
 * Answers the description does not describe, chosen by the sandbox (docs/decisions.md):
 * the ERROR envelope when a membership write names a group, company or location that does not
 * exist. (`false` from GET /user.by when nobody matches is described.)
 */
function undescribed(method: string, path: string, body: unknown): boolean {
  if (method !== "get" && RELATION_WRITES.has(path)) {
    return (body as { status?: string } | null)?.status === "ERROR";
  }
  return false;
}

export interface CheckedAnswers {
  /** Answers that did not match the description, as `method path status: errors`. */
  offDescription: string[];
}

/** A fetch that checks each answer on the way; call `expectDescribed` after each test. */
export function checkingFetch(found: CheckedAnswers) {
  return checking(undescribed, (line) => found.offDescription.push(line));
}

export function expectDescribed(found: CheckedAnswers): void {
  const seen = found.offDescription;
  found.offDescription = [];
  expect(seen, "answers that differ from the description").toEqual([]);
}

/** A client of one tenant (the Basic user name), checking answers into `found`. */
export function peopleClient(apiUrl: string, username: string, found: CheckedAnswers) {
  return sandboxClient(apiUrl, username, checkingFetch(found));
}

export type PeopleClient = ReturnType<typeof peopleClient>;
