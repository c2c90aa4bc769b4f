// Every operation that has a sandbox handler, called through the client with the description's
// example parameters, each in a fresh tenant: it must answer 2xx with a body the description
// describes. This is how a new domain's handlers and seed records meet the examples: the
// examples name seeded ids, so a handler that cannot find them, or answers another shape, fails.
import { createServiceDeskClient } from "@sd-toolkit/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDescription, type Json } from "../../src/spec/description.js";
import { exampleParameters } from "../../src/front/example-request.js";
import { indexOperations, type Operation } from "../../src/spec/operations.js";
import { createSchemaCompiler } from "../../src/spec/schema-compiler.js";
import { startMock, type RunningMock } from "../../src/index.js";
import { buildRegistry, loadDomainModules } from "../../src/sandbox/registry.js";
import { answerValidators } from "../support/answer-schemas.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";
import { ARRANGE } from "./contract-arrange.js";

const doc = await loadDescription(BUNDLE_SPEC);
const { operations } = indexOperations(doc);
const registry = buildRegistry(doc, operations, loadDomainModules());
const handled = operations.filter((op) => registry.handlers.has(op.operationId));
const describedAnswer = answerValidators(doc, createSchemaCompiler(doc));
const BODY_METHODS = new Set(["post", "put", "patch"]);
/**
 * Operations whose example call meets the seed in the state one of the description's own
 * refusal examples shows, so the refusal is the right answer: POST /user creates `jberg`, whom
 * the seed already holds (its example `refused`: the login name is taken); DELETE /timetracking
 * is refused for every entry, as production refuses it (its only example).
 */
const EXAMPLE_REFUSED = new Set(["createUser", "deleteTimeTrackingEntry"]);

type Call = (
  path: string,
  init: { params?: { query?: object }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ memory: true });
});
afterAll(async () => {
  await mock?.close();
});

/** Query parameters in the query; the rest in a form body for writes, as the client sends them. */
function clientInit(op: Operation, params: { [name: string]: Json }) {
  const inQuery = new Set(op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  const query: { [name: string]: Json } = {};
  const body: { [name: string]: Json } = {};
  for (const [name, value] of Object.entries(params)) {
    if (inQuery.has(name) || !BODY_METHODS.has(op.method)) query[name] = value;
    else body[name] = value;
  }
  return BODY_METHODS.has(op.method) ? { params: { query }, body } : { params: { query } };
}

describe(`every operation with a sandbox handler (${handled.length} of ${operations.length})`, () => {
  it.each(
    handled.map((op) => [`${op.method.toUpperCase()} ${op.path} (${op.operationId})`, op] as const),
  )("%s answers its example call as described", async (_, op) => {
    const sd = createServiceDeskClient({
      baseUrl: mock.apiUrl,
      // A tenant of its own: one operation's writes never reach another's call.
      auth: { username: `contract-${op.operationId}`, password: "secret" },
      retry: false,
      timeoutMs: 10_000,
    });
    await ARRANGE[op.operationId]?.(sd);
    const call = sd[op.method.toUpperCase() as "GET"] as unknown as Call;
    const { data, error, response } = await call(op.path, clientInit(op, exampleParameters(op)));
    expect(response.status, JSON.stringify(error ?? data)).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    if (EXAMPLE_REFUSED.has(op.operationId)) {
      expect(data, "the refusal the description's example shows").toMatchObject({
        status: "ERROR",
      });
    } else {
      expect(data, "a refusal where the example should succeed").not.toMatchObject({
        status: "ERROR",
      });
    }
    const validate = describedAnswer(op, response.status);
    if (validate) expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});
