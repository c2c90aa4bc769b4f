// The built-in seed holds the approvals, internal notes and time tracking records that the
// examples of those operations name (docs/example-data.md), consistent with the requests.
import { describe, expect, it } from "vitest";
import { loadDescription } from "../../src/spec/description.js";
import { indexOperations } from "../../src/spec/operations.js";
import { createSchemaCompiler } from "../../src/spec/schema-compiler.js";
import { buildRegistry, loadDomainModules } from "../../src/sandbox/registry.js";
import { loadSeed } from "../../src/sandbox/seed.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const registry = buildRegistry(doc, indexOperations(doc).operations, loadDomainModules());
const seed = loadSeed(undefined, registry.kinds, createSchemaCompiler(doc));
const ids = (kind: string) => (seed.records.get(kind) ?? []).map((r) => r.id);

describe("the seed of approvals, internal notes and time tracking", () => {
  it("holds the records the examples name", () => {
    expect(ids("approval")).toContain(515);
    expect(ids("approval_template")).toContain(27);
    expect(ids("internal_note")).toContain(88);
    expect(ids("timetracking_entry")).toContain(2207);
    expect(ids("timetracking_category")).toContain(2);
    expect(seed.relations.get("approval_voter")).toEqual(
      expect.arrayContaining([
        [515, 1042],
        [515, 1051],
      ]),
    );
  });

  it("leaves out entry 2208, which the POST /timetracking example creates", () => {
    expect(ids("timetracking_entry")).not.toContain(2208);
  });

  it("ties approvals and time entries to seeded requests", () => {
    const requests = new Set(ids("request"));
    for (const approval of seed.records.get("approval") ?? []) {
      expect(requests, `approval ${approval.id}`).toContain(approval["request_id"]);
    }
    for (const entry of seed.records.get("timetracking_entry") ?? []) {
      expect(requests, `entry ${entry.id}`).toContain(entry["incident"]);
      expect(ids("timetracking_category")).toContain(entry["timetracking_category_id"]);
    }
  });
});
