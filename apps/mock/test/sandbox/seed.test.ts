// The built-in seed loads, names bad records precisely, and holds the ids the description's
// examples name.
import { describe, expect, it } from "vitest";
import { loadDescription } from "../../src/spec/description.js";
import { indexOperations } from "../../src/spec/operations.js";
import { createSchemaCompiler } from "../../src/spec/schema-compiler.js";
import { buildRegistry, loadDomainModules } from "../../src/sandbox/registry.js";
import { loadSeed } from "../../src/sandbox/seed.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const registry = buildRegistry(doc, indexOperations(doc).operations, loadDomainModules());
const compiler = createSchemaCompiler(doc);
const ids = (seed: ReturnType<typeof loadSeed>, kind: string) =>
  (seed.records.get(kind) ?? []).map((r) => r.id);

describe("the seed", () => {
  it("holds the records the description's examples name", () => {
    const seed = loadSeed(undefined, registry.kinds, compiler);
    expect(ids(seed, "request")).toEqual(expect.arrayContaining([4198, 4211, 4212]));
    expect(ids(seed, "request_comment")).toEqual(expect.arrayContaining([90305, 90311]));
    expect(ids(seed, "kb_article")).toEqual([310]);
    expect(ids(seed, "kb_category")).toEqual([14]);
    expect(ids(seed, "kb_attachment")).toEqual([7002]);
    expect(ids(seed, "breaking_news")).toEqual([61]);
    expect(ids(seed, "trigger")).toEqual([19]);
    expect(ids(seed, "trigger_execution")).toEqual([5531]);
    expect(ids(seed, "workflow")).toEqual([44]);
    expect(seed.records.get("data_export")?.map((r) => r["uuid"])).toEqual([
      "3f1c9a52-7d4e-4b8a-9c1e-2a6b5d8f0e17",
    ]);
  });

  it("holds every request id that an example of a Requests operation names", () => {
    const seed = loadSeed(undefined, registry.kinds, compiler);
    const named = new Set<number>();
    for (const path of ["/incident", "/incident.comment", "/incidents"]) {
      const text = JSON.stringify(doc.paths[path]);
      for (const m of text.matchAll(/"(?:id|request_id|incident_id)":\s*"?(\d+)/g))
        named.add(Number(m[1]));
    }
    // 4213 does not exist before a POST /incident creates it; 4212 is the example's answer.
    const known = new Set([...ids(seed, "request"), ...ids(seed, "request_comment")]);
    expect([...named].filter((id) => !known.has(id))).toEqual([]);
  });

  it("holds what the examples of the Requests and waiting-state operations name", () => {
    const seed = loadSeed(undefined, registry.kinds, compiler);
    expect(ids(seed, "request_attachment")).toEqual([7001]);
    expect(ids(seed, "request_external_link")).toEqual([318]);
    expect(ids(seed, "request_task")).toEqual([6120, 6121]);
    expect(seed.relations.get("request_observer")).toEqual([[4211, 1051]]);
    expect(seed.relations.get("request_collaborator")).toEqual([[4211, 1051]]);
    expect(seed.relations.get("request_ci")).toEqual([[4211, 7734]]);
    const requests = new Set(ids(seed, "request"));
    const named = new Set<number>();
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!/^\/incident\.(?!approval|custom_approval|spontaneous|attributes)/.test(path)) continue;
      const text = JSON.stringify(item);
      for (const m of text.matchAll(
        /"(?:request_id|wait_request_id|linked_request_id)":\s*"?(\d+)/g,
      ))
        named.add(Number(m[1]));
      for (const m of text.matchAll(/"request_ids":\s*\[(\d+)/g)) named.add(Number(m[1]));
    }
    expect(named.size).toBeGreaterThan(2);
    expect([...named].filter((id) => !requests.has(id))).toEqual([]);
  });

  it("holds the help desks, levels and custom fields the examples of their operations name", () => {
    const seed = loadSeed(undefined, registry.kinds, compiler);
    const desks = new Set([...ids(seed, "helpdesk"), ...ids(seed, "level")]);
    expect([...desks].sort()).toEqual([12, 31, 32]);
    const deskIds = new Set<number>();
    for (const path of ["/helpdesks", "/levels", "/helpdesksandlevels"]) {
      for (const m of JSON.stringify(doc.paths[path]).matchAll(/"id":\s*(\d+)/g))
        deskIds.add(Number(m[1]));
    }
    expect([...deskIds].filter((id) => !desks.has(id))).toEqual([]);

    const fields = seed.records.get("custom_field") ?? [];
    const uids = new Set(fields.map((field) => field.id));
    const hashes = JSON.stringify(fields.find((field) => field.id === 24));
    const named = { uids: new Set<number>(), hashes: new Set<string>() };
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith("/cf.")) continue;
      const text = JSON.stringify(item);
      for (const m of text.matchAll(/"uid":\s*(\d+)/g)) named.uids.add(Number(m[1]));
      for (const m of text.matchAll(/"(?:parent_)?hash":\s*"([0-9a-f]{8})"/g))
        named.hashes.add(m[1]!);
    }
    expect([...named.uids].sort()).toEqual([21, 22, 24, 25]);
    expect([...named.uids].filter((uid) => !uids.has(uid))).toEqual([]);
    expect(named.hashes.size).toBeGreaterThan(0);
    expect([...named.hashes].filter((hash) => !hashes.includes(`"${hash}"`))).toEqual([]);
  });

  it("holds the users, groups, companies and locations the people examples name", () => {
    const seed = loadSeed(undefined, registry.kinds, compiler);
    expect(ids(seed, "user")).toEqual([1001, 1042, 1051, 1187, 1190]);
    expect(ids(seed, "group")).toEqual([5, 6]);
    expect(ids(seed, "company")).toEqual([8, 9]);
    expect(ids(seed, "location")).toEqual([3, 4]);
    const users = new Set(ids(seed, "user"));
    const named = new Set<number>();
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!/^\/(user|users|groups|companies|locations)(\.|$)/.test(path)) continue;
      const text = JSON.stringify(item);
      for (const m of text.matchAll(/"(?:users|ids)":\s*\[([\d,\s]+)\]/g))
        for (const id of m[1]!.split(",")) named.add(Number(id));
      for (const m of text.matchAll(/"(?:user_id|manager_id)":\s*(\d+)/g)) named.add(Number(m[1]));
    }
    expect([...named].filter((id) => !users.has(id))).toEqual([]);
    // Memberships as docs/example-data.md gives them.
    const pairs = (kind: string) => seed.relations.get(kind) ?? [];
    expect(pairs("group_user")).toEqual([
      [5, 1042],
      [5, 1051],
    ]);
    expect(pairs("company_user").map(([, user]) => user)).toEqual([1042, 1051, 1187, 1190]);
    expect(pairs("company_group")).toEqual([[8, 5]]);
    expect(pairs("location_user")).toEqual([
      [3, 1042],
      [3, 1187],
    ]);
  });

  it("names the record at fault, and the field", () => {
    const bad = { records: { request: [{ id: 5000, title: 7 }] } };
    expect(() => loadSeed(bad, registry.kinds, compiler)).toThrow(
      /records\.request\[0\] \(id 5000\): .*title/,
    );
    expect(() => loadSeed({ records: { gizmo: [] } }, registry.kinds, compiler)).toThrow(
      /records\.gizmo: unknown kind/,
    );
    expect(() =>
      loadSeed({ relations: { request_link: [[1]] } }, registry.kinds, compiler),
    ).toThrow(/relations\.request_link\[0\]: must be a pair/);
  });

  it('replaces the built-in seed, or extends it with "extends": "builtin"', () => {
    const extra = {
      id: 5001,
      title: "Printer jam",
      type_id: 1,
      priority_id: 2,
      status_id: 1,
      category_id: 37,
      user_id: 1187,
      creator_id: 1187,
      created_at: 1793610840,
      last_update: 1793610840,
    };
    expect(
      ids(loadSeed({ records: { request: [extra] } }, registry.kinds, compiler), "request"),
    ).toEqual([5001]);
    expect(
      ids(
        loadSeed({ extends: "builtin", records: { request: [extra] } }, registry.kinds, compiler),
        "request",
      ),
    ).toEqual([4198, 4211, 4212, 5001]);
  });
});
