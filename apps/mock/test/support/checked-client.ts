// A client for the sandbox's scenario tests whose transport checks every answer against the
// description: answers that differ are gathered, and each test file asserts there are none.
// `undescribed` lets a test accept the answers the sandbox gives on purpose where the
// description says nothing (each a recorded choice in docs/decisions.md).
import { createServiceDeskClient } from "@sd-toolkit/client";
import { loadDescription } from "../../src/front/description.js";
import { createSchemaCompiler } from "../../src/front/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));

export type Undescribed = (method: string, path: string, status: number, body: unknown) => boolean;

export interface CheckedClients {
  /** A client of the tenant `username` on `apiUrl`. */
  clientFor(username: string, apiUrl: string): ReturnType<typeof createServiceDeskClient>;
  /** The answers seen so far that the description does not describe; clears the list. */
  takeOffDescription(): string[];
}

export function checkedClients(undescribed: Undescribed = () => false): CheckedClients {
  let offDescription: string[] = [];
  async function checkingFetch(input: Request | string | URL, init?: RequestInit) {
    const response = await fetch(input, init);
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init?.method ?? request?.method ?? "GET").toLowerCase();
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const validate = describedAnswer({ method, path }, response.status);
    const body: unknown = await response.clone().json();
    if (validate && !validate(body) && !undescribed(method, path, response.status, body)) {
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
