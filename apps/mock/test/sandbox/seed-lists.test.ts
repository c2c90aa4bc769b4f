// The built-in seed holds what the examples of Request Lists, Request Attributes, Categories and
// Configuration Items name: catalogues, categories, CIs and views.
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
const records = (kind: string) => seed.records.get(kind) ?? [];

/** The `{id, name}` entries of every example answer of an operation. */
function exampleEntries(path: string): Array<{ id: unknown; name: unknown }> {
  const text = JSON.stringify(doc.paths[path]);
  return [...text.matchAll(/\{"id":"?(\d+)"?,"name":"([^"]+)"/g)].map((m) => ({
    id: Number(m[1]),
    name: m[2],
  }));
}

describe("the seed of the lists and catalogues", () => {
  it.each([
    ["/incident.attributes.priority", "request_priority"],
    ["/incident.attributes.source", "request_source"],
    ["/incident.attributes.status", "request_status"],
    ["/incident.attributes.statuses", "request_status"],
    ["/incident.attributes.type", "request_type"],
    ["/categories", "category"],
    ["/incident.attributes.category", "category"],
  ])("holds every entry the examples of %s show, with the same name", (path, kind) => {
    const entries = exampleEntries(path);
    expect(entries.length).toBeGreaterThan(0);
    const seeded = new Map(records(kind).map((r) => [r.id, r["name"]]));
    for (const entry of entries)
      expect(seeded.get(entry.id as number), `id ${entry.id}`).toBe(entry.name);
  });

  it("holds the statuses 1-8 the public clients report", () => {
    expect(records("request_status").map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("holds CI 7734 as asset 457 of integration 2, and view 9", () => {
    expect(records("ci")).toContainEqual(
      expect.objectContaining({ id: 7734, ci_external_id: 457, ci_source_id: 2, group: "Asset" }),
    );
    expect(records("view").map((r) => [r.id, r["name"]])).toContainEqual([
      9,
      "Open hardware requests",
    ]);
  });
});
