// Every generated TypeScript sample compiles against the client's declarations: a wrong
// parameter name or type in the description's examples, or a client whose types drifted from
// the description, fails here instead of in a reader's editor.
import { describe, expect, it } from "vitest";
import { listOperations } from "../src/openapi/operations.js";
import { withCodeSamples } from "../src/samples/code-samples.js";
import { loadBundle } from "./support/bundle.js";
import { compileSamples } from "./support/compile-samples.js";

const document = withCodeSamples(loadBundle());
const samples = new Map(
  listOperations(document).map(({ operationId, operation }) => {
    const sample = operation["x-codeSamples"].find(
      (candidate: { lang: string }) => candidate.lang === "TypeScript",
    );
    return [operationId, sample.source as string];
  }),
);
const getIncident = samples.get("getIncident") ?? "";
const createIncident = samples.get("createIncident") ?? "";

describe("TypeScript samples", () => {
  it("exist for every operation of the bundle", () => {
    expect(samples.size).toBe(listOperations(document).length);
  });

  it("all compile against @sd-toolkit/client", () => {
    const failures = [...compileSamples(samples)].filter(
      ([, diagnostics]) => diagnostics.length > 0,
    );
    expect(failures.map(([name, diagnostics]) => `${name}:\n${diagnostics.join("\n")}`)).toEqual(
      [],
    );
  });

  it("would fail on a wrong parameter name, a wrong type, a wrong path or a wrong body field", () => {
    expect(getIncident).toContain("id: 4211");
    expect(createIncident).toContain("category_id: 41");
    const broken = new Map([
      ["control", getIncident],
      ["wrongName", getIncident.replace("id: 4211", "request_id: 4211")],
      ["wrongType", getIncident.replace("id: 4211", 'id: "4211"')],
      ["wrongPath", getIncident.replace('"/incident"', '"/incidentz"')],
      ["wrongBodyField", createIncident.replace("category_id: 41", "category: 41")],
      ["wrongBodyType", createIncident.replace("category_id: 41", "category_id: [41]")],
    ]);
    const results = compileSamples(broken);
    // The untouched sample compiles in the same program: the failures below are the edits.
    expect(results.get("control")).toEqual([]);
    for (const [name, diagnostics] of results) {
      if (name === "control") continue;
      expect(diagnostics.length, `${name} must not compile`).toBeGreaterThan(0);
    }
  });
});
