// The samples of the real bundle: one TypeScript and one curl sample per operation, on the wire
// rules, with the description's own example values.
import { describe, expect, it } from "vitest";
import { listOperations, type OperationEntry } from "../src/openapi/operations.js";
import { withCodeSamples, type CodeSample } from "../src/samples/code-samples.js";
import { loadBundle } from "./support/bundle.js";

const bundle = loadBundle();
const document = withCodeSamples(bundle);
const operations = listOperations(document);
const samplesOf = (entry: OperationEntry): CodeSample[] => entry.operation["x-codeSamples"];
const find = (operationId: string) => {
  const entry = operations.find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`${operationId} is not in the bundle`);
  return entry;
};
const sample = (operationId: string, label: string) =>
  samplesOf(find(operationId)).find((candidate) => candidate.label === label)?.source ?? "";

describe("withCodeSamples", () => {
  it("leaves the bundle itself untouched", () => {
    expect(listOperations(bundle).some(({ operation }) => "x-codeSamples" in operation)).toBe(
      false,
    );
  });

  it("gives every operation a TypeScript and a curl sample, in that order", () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const entry of operations) {
      expect(
        samplesOf(entry)
          .map(({ label }) => label)
          .slice(0, 2),
        entry.operationId,
      ).toEqual(["TypeScript", "curl"]);
    }
  });

  it("calls the right endpoint with the right method in every sample", () => {
    for (const entry of operations) {
      const [typescript, curl] = samplesOf(entry);
      expect(typescript?.source, entry.operationId).toContain(
        `sd.${entry.method.toUpperCase()}(${JSON.stringify(entry.path)}`,
      );
      expect(curl?.source, entry.operationId).toContain(`/api/v1${entry.path}'`);
      if (entry.method !== "get" && entry.method !== "post")
        expect(curl?.source).toContain(`-X ${entry.method.toUpperCase()}`);
    }
  });

  it("takes the credentials from the environment, never from the sample", () => {
    for (const entry of operations) {
      for (const { lang, source } of samplesOf(entry)) {
        if (lang === "TypeScript") {
          expect(source).toContain(
            "auth: { username: process.env.SD_USER!, password: process.env.SD_PASSWORD! }",
          );
        } else {
          expect(source).toContain('-u "$SD_USER:$SD_PASSWORD"');
        }
      }
    }
  });

  it("shows the wire format in curl: query for reads, a form for writes, name[]= arrays, 1/0 booleans", () => {
    const reads = operations.filter(({ method }) => method === "get" || method === "delete");
    for (const entry of reads)
      expect(samplesOf(entry)[1]?.source, entry.operationId).not.toMatch(/--form|-F /);
    expect(sample("listIncidents", "curl")).toContain("--get");
    expect(sample("listIncidents", "curl")).toContain("--data-urlencode 'ids[]=4211'");
    expect(sample("getIncident", "curl")).toContain("--data-urlencode 'comments=1'");
    expect(sample("createIncident", "curl")).toContain(
      "--data-urlencode 'title=VPN access for new contractor'",
    );
    expect(sample("addCustomFieldListOptions", "curl")).toMatch(
      /--data-urlencode 'key_values\[[\w-]+\]=/,
    );
    expect(sample("createIncident", "curl")).not.toMatch(/=(true|false)'/);
  });

  it("adds a multipart curl where files can travel", () => {
    const multipart = operations.filter((entry) =>
      samplesOf(entry).some(({ label }) => label === "curl (multipart)"),
    );
    expect(multipart.map(({ operationId }) => operationId)).toContain("addKbArticleAttachments");
    expect(sample("addKbArticleAttachments", "curl (multipart)")).toMatch(
      /-F 'attachments\[\]=@[\w.-]+'/,
    );
  });

  it("adds a multipart TypeScript sample that uploads the example's files where a body takes files", () => {
    const uploads = operations.filter((entry) =>
      samplesOf(entry).some(({ label }) => label === "TypeScript (multipart)"),
    );
    expect(uploads.map(({ operationId }) => operationId)).toEqual(
      expect.arrayContaining([
        "createIncident",
        "createIncidentComment",
        "addKbArticleAttachments",
      ]),
    );
    // Multipart without a file field: the client needs no second sample.
    expect(samplesOf(find("setIncidentCustomField")).map(({ label }) => label)).not.toContain(
      "TypeScript (multipart)",
    );
    for (const entry of uploads) {
      expect(
        samplesOf(entry).map(({ label }) => label),
        entry.operationId,
      ).toEqual(["TypeScript", "curl", "TypeScript (multipart)", "curl (multipart)"]);
    }
    const createIncident = sample("createIncident", "TypeScript (multipart)");
    expect(createIncident).toContain('import { readFile } from "node:fs/promises";');
    expect(createIncident).toContain(
      'const bootScreen = new File([await readFile("boot-screen.jpg")], "boot-screen.jpg", {\n  type: "image/jpeg",\n});',
    );
    expect(createIncident).toContain("attachments: [bootScreen],");
    expect(createIncident).toContain('title: "Laptop does not boot after BIOS update"');
    expect(sample("addKbArticleAttachments", "TypeScript (multipart)")).toContain(
      'new File([await readFile("bios-recovery.pdf")], "bios-recovery.pdf", {\n  type: "application/pdf",\n});',
    );
    // The plain sample stays a form without files.
    expect(sample("createIncident", "TypeScript")).not.toContain("readFile");
  });

  it("uses the description's example values in TypeScript", () => {
    expect(sample("getIncident", "TypeScript")).toContain("id: 4211");
    expect(sample("createIncident", "TypeScript")).toContain(
      'title: "VPN access for new contractor"',
    );
  });
});
