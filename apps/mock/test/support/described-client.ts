// A client of the sandbox whose transport checks every answer against the description, for the
// domain scenarios: answers that do not validate are gathered, and a test file asserts after
// each test that there were none (or only the undescribed answers it names as recorded
// choices).
import { createServiceDeskClient } from "@sd-toolkit/client";
import { loadDescription } from "../../src/front/description.js";
import { createSchemaCompiler } from "../../src/front/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));

/** An answer the description does not describe but the sandbox gives on purpose. */
export type UndescribedChoice = (method: string, path: string, body: unknown) => boolean;

export interface DescribedClients {
  clientFor(username: string): ReturnType<typeof createServiceDeskClient>;
  /** The off-description answers seen since the last call, emptied. */
  takeOffDescription(): string[];
}

export function describedClients(
  apiUrl: () => string,
  undescribed: UndescribedChoice = () => false,
): DescribedClients {
  let off: string[] = [];
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
      off.push(`${method} ${path} ${response.status}: ${errors.slice(0, 3).join("; ")}`);
    }
    return response;
  }
  return {
    clientFor: (username) =>
      createServiceDeskClient({
        baseUrl: apiUrl(),
        auth: { username, password: "secret" },
        retry: false,
        timeoutMs: 10_000,
        fetch: checkingFetch,
      }),
    takeOffDescription() {
      const found = off;
      off = [];
      return found;
    },
  };
}
