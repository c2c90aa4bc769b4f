// A client of the sandbox that checks every answer against the description on the way in, for
// the domains' scenario tests: answers that differ are gathered, and each test file fails when
// any were seen (call `expectAllDescribed()` in an afterEach).
import { createServiceDeskClient } from "@sd-toolkit/client";
import { expect } from "vitest";
import { loadDescription } from "../../src/front/description.js";
import { createSchemaCompiler } from "../../src/front/schema-compiler.js";
import { answerValidators } from "./answer-schemas.js";
import { BUNDLE_SPEC } from "./start-mock.js";

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
  if (!validate) offDescription.push(`${method} ${path} ${response.status}: not described`);
  else if (!validate(body)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}`);
    offDescription.push(`${method} ${path} ${response.status}: ${errors.slice(0, 3).join("; ")}`);
  }
  return response;
}

/** A client of `apiUrl` as `username`, with its own tenant. */
export function checkedClient(apiUrl: string, username: string) {
  return createServiceDeskClient({
    baseUrl: apiUrl,
    auth: { username, password: "secret" },
    retry: false,
    timeoutMs: 10_000,
    fetch: checkingFetch,
  });
}

/** Fails the current test when an answer since the last call differed from the description. */
export function expectAllDescribed(): void {
  const found = offDescription;
  offDescription = [];
  expect(found, "answers that differ from the description").toEqual([]);
}
