// Every generated TypeScript sample compiles against the client's declarations: a wrong
// parameter name or type in the description's examples, or a client whose types drifted from
// the description, fails here instead of in a reader's editor. The multipart samples, which
// upload files, are compiled like the others.
import { describe, expect, it } from "vitest";
import { listOperations, resolveRef } from "../src/openapi/operations.js";
import { withCodeSamples } from "../src/samples/code-samples.js";
import { loadBundle } from "./support/bundle.js";
import { compileSamples } from "./support/compile-samples.js";

const bundle = loadBundle();
const document = withCodeSamples(bundle);
const operations = listOperations(document);

/** Every TypeScript sample of the page, named `<operationId>` or `<operationId>.multipart`. */
const samples = new Map(
  operations.flatMap(({ operationId, operation }) =>
    (operation["x-codeSamples"] as Array<{ lang: string; label: string; source: string }>)
      .filter(({ lang }) => lang === "TypeScript")
      .map(({ label, source }): [string, string] => [
        label === "TypeScript" ? operationId : `${operationId}.multipart`,
        source,
      ]),
  ),
);
const getIncident = samples.get("getIncident") ?? "";
const createIncident = samples.get("createIncident") ?? "";
const createIncidentUpload = samples.get("createIncident.multipart") ?? "";

/**
 * Operations whose request body offers multipart/form-data with a file field (`format: binary`,
 * also as array items or as one alternative of them), found in the bundle independently of the
 * sample generator.
 */
function uploadOperations(): string[] {
  const isBinary = (raw: unknown): boolean => {
    const schema = resolveRef(bundle, raw ?? {});
    if (schema.format === "binary") return true;
    return [schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]
      .filter(Boolean)
      .some(isBinary);
  };
  const properties = (raw: unknown): Record<string, unknown> => {
    const schema = resolveRef(bundle, raw ?? {});
    return Object.assign(
      {},
      ...(schema.allOf ?? []).map((part: unknown) => properties(part)),
      schema.properties,
    );
  };
  return listOperations(bundle)
    .filter(({ operation }) => {
      const media = resolveRef(bundle, operation.requestBody ?? {}).content?.[
        "multipart/form-data"
      ];
      return media && Object.values(properties(media.schema)).some(isBinary);
    })
    .map(({ operationId }) => operationId);
}

describe("TypeScript samples", () => {
  it("exist for every operation of the bundle, and once more for every file upload", () => {
    const plain = [...samples.keys()].filter((name) => !name.endsWith(".multipart"));
    expect(plain).toHaveLength(operations.length);
    const uploads = uploadOperations();
    // A fact of the description: requests, comments, articles and article attachments.
    expect(uploads.length).toBeGreaterThanOrEqual(4);
    expect(
      [...samples.keys()]
        .filter((name) => name.endsWith(".multipart"))
        .map((name) => name.replace(/\.multipart$/, ""))
        .sort(),
    ).toEqual([...uploads].sort());
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
    expect(createIncidentUpload).toContain("attachments: [bootScreen]");
    const broken = new Map([
      ["control", getIncident],
      ["controlUpload", createIncidentUpload],
      ["wrongName", getIncident.replace("id: 4211", "request_id: 4211")],
      ["wrongType", getIncident.replace("id: 4211", 'id: "4211"')],
      ["wrongPath", getIncident.replace('"/incident"', '"/incidentz"')],
      ["wrongBodyField", createIncident.replace("category_id: 41", "category: 41")],
      ["wrongBodyType", createIncident.replace("category_id: 41", "category_id: [41]")],
      [
        "wrongUploadField",
        createIncidentUpload.replace("attachments: [bootScreen]", "attachment: [bootScreen]"),
      ],
      [
        // A new request takes files only, not the ids of stored attachments.
        "wrongUploadType",
        createIncidentUpload.replace("attachments: [bootScreen]", "attachments: [7001]"),
      ],
      [
        "uploadNotAList",
        createIncidentUpload.replace("attachments: [bootScreen]", "attachments: bootScreen"),
      ],
    ]);
    const results = compileSamples(broken);
    // The untouched samples compile in the same program: the failures below are the edits.
    expect(results.get("control")).toEqual([]);
    expect(results.get("controlUpload")).toEqual([]);
    for (const [name, diagnostics] of results) {
      if (name.startsWith("control")) continue;
      expect(diagnostics.length, `${name} must not compile`).toBeGreaterThan(0);
    }
  });
});
