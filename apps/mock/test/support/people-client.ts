// A client for the people domains' sandbox tests (Users, Groups, Companies, Locations): its
// transport checks every answer against the description and gathers the ones that differ,
// except the answers the sandbox gives where the description says nothing (each a recorded
// decision, listed in `undescribed`).
import { createServiceDeskClient } from "@sd-toolkit/client";
import { expect } from "vitest";
import { loadDescription } from "../../src/front/description.js";
import { createSchemaCompiler } from "../../src/front/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));

/** Membership writes and reads whose container may be unknown: they refuse with the envelope. */
const RELATION_WRITES = new Set([
  "/groups.users",
  "/companies.users",
  "/companies.groups",
  "/locations.users",
]);

/**
 * Answers the description does not describe, chosen by the sandbox (docs/decisions.md):
 * `false` from GET /user.by when nobody matches, and the ERROR envelope when a membership write
 * names a group, company or location that does not exist.
 */
function undescribed(method: string, path: string, body: unknown): boolean {
  if (method === "get" && path === "/user.by") return body === false;
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
  return async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init?.method ?? request?.method ?? "GET").toLowerCase();
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const validate = describedAnswer({ method, path }, response.status);
    const body: unknown = await response.clone().json();
    if (validate && !validate(body) && !undescribed(method, path, body)) {
      const errors = (validate.errors ?? []).map(
        (e) => `${e.instancePath || "(body)"} ${e.message}`,
      );
      found.offDescription.push(
        `${method} ${path} ${response.status}: ${errors.slice(0, 3).join("; ")}`,
      );
    }
    return response;
  };
}

export function expectDescribed(found: CheckedAnswers): void {
  const seen = found.offDescription;
  found.offDescription = [];
  expect(seen, "answers that differ from the description").toEqual([]);
}

/** A client of one tenant (the Basic user name), checking answers into `found`. */
export function peopleClient(apiUrl: string, username: string, found: CheckedAnswers) {
  return createServiceDeskClient({
    baseUrl: apiUrl,
    auth: { username, password: "secret" },
    retry: false,
    timeoutMs: 10_000,
    fetch: checkingFetch(found),
  });
}

export type PeopleClient = ReturnType<typeof peopleClient>;
