// The console's form model, read from the bundled description: which controls an operation
// gets, in which order, prefilled with which example, and which media type a body goes as.
import { describe, expect, it } from "vitest";
import {
  findOperation,
  operationForm,
  scalarValue,
  sendingMediaType,
} from "../src/console/model.js";
import { loadBundle } from "./support/bundle.js";

const bundle = loadBundle();
const formOf = (operationId: string) => {
  const entry = findOperation(bundle, operationId);
  if (!entry) throw new Error(`no ${operationId} in the bundle`);
  return operationForm(bundle, entry);
};
const summary = (operationId: string) =>
  formOf(operationId).fields.map(({ name, kind, required, example }) => ({
    name,
    kind,
    required,
    example,
  }));

describe("operationForm", () => {
  it("gives GET /incident its query parameters, typed and prefilled, with the id first", () => {
    expect(summary("getIncident")).toEqual([
      { name: "id", kind: "integer", required: true, example: 4211 },
      { name: "comments", kind: "boolean", required: false, example: true },
      { name: "decoded_special_characters", kind: "boolean", required: false, example: true },
      { name: "date_format", kind: "enum", required: false, example: "iso8601" },
    ]);
    const form = formOf("getIncident");
    expect(form.fields.find((f) => f.name === "date_format")?.choices).toEqual([
      "epoch",
      "iso8601",
    ]);
    expect(form.mediaTypes).toEqual([]);
    expect(form.scopes).toEqual(["api.v1.incident:get"]);
  });

  it("puts required body fields first, then the others, in description order", () => {
    const fields = formOf("createIncident").fields;
    const firstOptional = fields.findIndex((f) => !f.required);
    expect(fields.slice(0, firstOptional).every((f) => f.required)).toBe(true);
    expect(fields.slice(firstOptional).some((f) => f.required)).toBe(false);
    expect(fields.slice(0, firstOptional).map((f) => f.name)).toEqual([
      "title",
      "type_id",
      "priority_id",
      "category_id",
      "customer_id",
      "creator_id",
    ]);
  });

  it("makes arrays repeatable rows, dictionaries key and value rows, files file inputs", () => {
    expect(formOf("listIncidents").fields[0]).toMatchObject({
      name: "ids",
      kind: "list",
      itemKind: "integer",
      example: [4211, 4212],
    });
    expect(
      formOf("addCustomFieldOptions").fields.find((f) => f.name === "key_values"),
    ).toMatchObject({
      kind: "dictionary",
      itemKind: "text",
      example: { "lt-0458": "LT-0458 Dell Latitude 7440" },
    });
    const attachments = formOf("createIncidentComment").fields.find(
      (f) => f.name === "attachments",
    );
    // A file cannot be prefilled: the example's file name is not a file.
    expect(attachments).toMatchObject({ kind: "files", example: undefined });
    expect(formOf("createIncidentComment").mediaTypes).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
    ]);
  });

  it("marks password fields as secrets, so that history leaves them out", () => {
    const secrets = formOf("setUserPassword").fields.filter((f) => f.secret);
    expect(secrets.map((f) => f.name)).toEqual(["password"]);
  });
});

describe("sendingMediaType", () => {
  const both = ["application/x-www-form-urlencoded", "multipart/form-data"];
  it("sends a form unless a file travels or the operation only takes multipart", () => {
    expect(sendingMediaType(both, { title: "x" })).toBe("application/x-www-form-urlencoded");
    expect(sendingMediaType(both, { attachments: [new File(["a"], "a.txt")] })).toBe(
      "multipart/form-data",
    );
    expect(sendingMediaType(["multipart/form-data"], { title: "x" })).toBe("multipart/form-data");
  });
});

describe("scalarValue", () => {
  it("types numbers from numeric text and keeps anything else as typed", () => {
    expect(scalarValue("integer", " 4211 ")).toBe(4211);
    expect(scalarValue("integer", "42.5")).toBe("42.5");
    expect(scalarValue("number", "42.5")).toBe(42.5);
    expect(scalarValue("integer", "forty-two")).toBe("forty-two");
    expect(scalarValue("text", "0042")).toBe("0042");
  });
});
