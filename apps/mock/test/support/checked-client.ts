// A client for sandbox scenario tests: `@sd-toolkit/client` over real HTTP, with a transport
// that checks every answer against the description and gathers the ones that differ. Answers
// the sandbox gives where the description says nothing (each a recorded choice) are named by
// the caller.
import { createServiceDeskClient } from "@sd-toolkit/client";
import { expect } from "vitest";
import { loadDescription } from "../../src/front/description.js";
import { createSchemaCompiler } from "../../src/front/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));

export type UndescribedChoice = (method: string, path: string, body: unknown) => boolean;
export type Client = ReturnType<typeof createServiceDeskClient>;

export interface CheckedClients {
  /** A client whose calls go to the tenant of `username`. */
  clientFor(username: string, apiUrl: string): Client;
  /** The answers that did not match the description since the last call; empties the list. */
  takeOffDescription(): string[];
}

export function checkedClients(undescribed: UndescribedChoice = () => false): CheckedClients {
  let offDescription: string[] = [];
  async function checkingFetch(input: Request | string | URL, init?: RequestInit) {
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
      offDescription.push(`${method} ${path} ${response.status}: ${errors.slice(0, 3).join("; ")}`);
    }
    return response;
  }
  return {
    clientFor: (username, apiUrl) =>
      createServiceDeskClient({
        baseUrl: apiUrl,
        auth: { username, password: "secret" },
        retry: false,
        timeoutMs: 10_000,
        fetch: checkingFetch,
      }),
    takeOffDescription() {
      const found = offDescription;
      offDescription = [];
      return found;
    },
  };
}

/** One strict checker for the files that allow no undescribed answer at all. */
const strict = checkedClients(() => false);

/** A client of `apiUrl` as `username` (its own tenant) whose answers must all be described. */
export function checkedClient(apiUrl: string, username: string): Client {
  return strict.clientFor(username, apiUrl);
}

/** Fails the current test when an answer since the last call differed from the description. */
export function expectAllDescribed(): void {
  expect(strict.takeOffDescription(), "answers that differ from the description").toEqual([]);
}
