// The sandbox engine as a caller meets it: an operation with no handler says so, Prefer still
// reaches the examples, a seed given to startMock is the starting state, a bad one is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDescription } from "../../src/spec/description.js";
import { indexOperations } from "../../src/spec/operations.js";
import { startMock, type RunningMock } from "../../src/index.js";
import { buildRegistry, loadDomainModules } from "../../src/sandbox/registry.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";

// An operation that has no handler yet, found rather than named, so that the test keeps
// working while domains land; once every operation has one, there is nothing left to ask.
const doc = await loadDescription(BUNDLE_SPEC);
const { operations } = indexOperations(doc);
const { handlers } = buildRegistry(doc, operations, loadDomainModules());
// A GET without required parameters, so that the front's parameter checks let it through.
const unhandled = operations.find(
  (op) =>
    op.method === "get" && !handlers.has(op.operationId) && op.parameters.every((p) => !p.required),
);

const auth = { authorization: `Basic ${Buffer.from("engine-test:secret").toString("base64")}` };
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({
    seed: {
      extends: "builtin",
      records: {
        request: [
          {
            id: 5001,
            title: "Printer jam on floor 2",
            type_id: 1,
            priority_id: 2,
            status_id: 1,
            category_id: 37,
            user_id: 1187,
            creator_id: 1187,
            created_at: 1793610840,
            last_update: 1793610840,
          },
        ],
      },
    },
  });
});
afterAll(async () => {
  await mock?.close();
});

describe("the sandbox engine", () => {
  it.runIf(unhandled)("answers 501 naming an operation that has no handler yet", async () => {
    const op = unhandled as NonNullable<typeof unhandled>;
    const r = await fetch(`${mock.apiUrl}${op.path}`, { headers: auth });
    expect(r.status).toBe(501);
    const body = (await r.json()) as { error: string; status: number };
    expect(body.status).toBe(501);
    expect(body.error).toContain(op.operationId);
  });

  it("answers a call with a Prefer header from the examples", async () => {
    const r = await fetch(`${mock.apiUrl}/incident?id=4211`, {
      headers: { ...auth, prefer: "code=429" },
    });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).not.toBeNull();
  });

  it("starts tenants from the seed given to startMock, on top of the built-in one", async () => {
    const read = async (id: number) =>
      (await fetch(`${mock.apiUrl}/incident?id=${id}`, { headers: auth })).json();
    expect(await read(5001)).toMatchObject({ title: "Printer jam on floor 2" });
    expect(await read(4211)).toMatchObject({ title: "Laptop does not boot after BIOS update" });
  });

  it("refuses to start with a seed record that breaks its schema, naming it", async () => {
    await expect(
      startMock({ seed: { records: { request: [{ id: 9, title: "no other fields" }] } } }),
    ).rejects.toThrow(/records\.request\[0\] \(id 9\): .*required property 'type_id'/);
  });
});
