// A client for the sandbox's scenario tests whose transport checks every answer against the
// description on the way: answers that differ are gathered, and each test file asserts after
// every test that there were none, except the undescribed answers a recorded choice allows.
import { createServiceDeskClient } from "@sd-toolkit/client";
import { loadDescription } from "../../src/front/description.js";
import { createSchemaCompiler } from "../../src/front/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

/** True where an answer the description does not describe is a recorded choice. */
export type UndescribedChoice = (method: string, path: string, body: unknown) => boolean;

export interface CheckedClients {
  /** A client of the tenant `username`, checking answers. */
  clientFor(apiUrl: string, username: string): ReturnType<typeof createServiceDeskClient>;
  /** The answers that differed from the description since the last call; clears them. */
  takeOffDescription(): string[];
}

export async function checkedClients(allowed: UndescribedChoice): Promise<CheckedClients> {
  const doc = await loadDescription(BUNDLE_SPEC);
  const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));
  let offDescription: string[] = [];

  async function checkingFetch(input: Request | string | URL, init?: RequestInit) {
    const response = await fetch(input, init);
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init?.method ?? request?.method ?? "GET").toLowerCase();
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const validate = describedAnswer({ method, path }, response.status);
    const body: unknown = await response.clone().json();
    if (validate && !validate(body) && !allowed(method, path, body)) {
      const errors = (validate.errors ?? []).map(
        (e) => `${e.instancePath || "(body)"} ${e.message}`,
      );
      offDescription.push(`${method} ${path} ${response.status}: ${errors.slice(0, 3).join("; ")}`);
    }
    return response;
  }

  return {
    clientFor: (apiUrl, username) =>
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
