// Clients for the sandbox's scenario tests: `@sd-toolkit/client` over real HTTP, with a transport
// that checks every answer against the description and reports the ones that differ. Answers
// the sandbox gives where the description says nothing (each a recorded choice) are named by
// the caller. The one checker every domain's tests use.
import { createServiceDeskClient } from "@sd-toolkit/client";
import { expect } from "vitest";
import { loadDescription } from "../../src/spec/description.js";
import { createSchemaCompiler } from "../../src/spec/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));

/** True where an answer the description does not describe is a recorded choice. */
export type UndescribedChoice = (method: string, path: string, body: unknown) => boolean;
export type Client = ReturnType<typeof createServiceDeskClient>;
export type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** A fetch that checks each answer on the way and reports the ones that differ. */
export function checkingFetch(
  undescribed: UndescribedChoice,
  report: (line: string) => void,
): Fetch {
  return async (input, init) => {
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
      report(`${method} ${path} ${response.status}: ${errors.slice(0, 3).join("; ")}`);
    }
    return response;
  };
}

/** A client of the tenant `username` (its Basic user name) on `apiUrl`, through `fetch`. */
export function sandboxClient(apiUrl: string, username: string, fetch: Fetch): Client {
  return createServiceDeskClient({
    baseUrl: apiUrl,
    auth: { username, password: "secret" },
    retry: false,
    timeoutMs: 10_000,
    fetch,
  });
}

export interface CheckedClients {
  /** A client whose calls go to the tenant of `username`. */
  clientFor(username: string, apiUrl: string): Client;
  /** The checking fetch behind the clients, for calls a client cannot make (raw bodies). */
  fetch: Fetch;
  /** The answers that did not match the description since the last call; empties the list. */
  takeOffDescription(): string[];
}

export function checkedClients(undescribed: UndescribedChoice = () => false): CheckedClients {
  let offDescription: string[] = [];
  const checking = checkingFetch(undescribed, (line) => offDescription.push(line));
  return {
    clientFor: (username, apiUrl) => sandboxClient(apiUrl, username, checking),
    fetch: checking,
    takeOffDescription() {
      const found = offDescription;
      offDescription = [];
      return found;
    },
  };
}

/** Membership writes and reads whose container may be unknown: they refuse with the envelope. */
const RELATION_WRITES = new Set([
  "/groups.users",
  "/companies.users",
  "/companies.groups",
  "/locations.users",
]);

/**
 * The people domains' answers (Users, Groups, Companies, Locations) that the description does
 * not describe, each a choice of the sandbox: `false` from GET /user.by when nobody matches,
 * and the ERROR envelope when a membership write names a group, company or location that does
 * not exist.
 */
export function peopleChoices(method: string, path: string, body: unknown): boolean {
  if (method === "get" && path === "/user.by") return body === false;
  if (method !== "get" && RELATION_WRITES.has(path)) {
    return (body as { status?: string } | null)?.status === "ERROR";
  }
  return false;
}

/** One strict checker for the files that allow no undescribed answer at all. */
const strict = checkedClients();

/** A client of `apiUrl` as `username` (its own tenant) whose answers must all be described. */
export function checkedClient(apiUrl: string, username: string): Client {
  return strict.clientFor(username, apiUrl);
}

/** Fails the current test when an answer since the last call differed from the description. */
export function expectAllDescribed(): void {
  expect(strict.takeOffDescription(), "answers that differ from the description").toEqual([]);
}
