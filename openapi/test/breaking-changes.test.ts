// The contract's versioning policy: every kind of breaking change the policy names is caught on
// a small fixture description, an additive change is not, and the check itself fails without a
// major changeset of @sd-toolkit/openapi and passes with one.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compareDescriptions } from "../scripts/breaking/compare.js";

type Change = { breaking: boolean; where: string; what: string };
type Doc = Record<string, any>;

const fixture = fileURLToPath(new URL("fixtures/contract-base.json", import.meta.url));
const base: Doc = JSON.parse(readFileSync(fixture, "utf8"));
const compare = (after: Doc): Change[] => compareDescriptions(base, after);
const edited = (edit: (doc: Doc) => void): Doc => {
  const doc = structuredClone(base);
  edit(doc);
  return doc;
};
const breaking = (changes: Change[]) => changes.filter((c) => c.breaking);
const get = (doc: Doc) => doc["paths"]["/incident"]["get"];
const schemas = (doc: Doc) => doc["components"]["schemas"];

describe("breaking changes are caught", () => {
  it("an operation removed", () => {
    const changes = compare(edited((d) => delete d["paths"]["/incident"]["get"]));
    expect(breaking(changes)).toEqual([
      { breaking: true, where: "GET /incident", what: "operation removed" },
    ]);
  });

  it("a parameter removed", () => {
    const changes = compare(edited((d) => get(d).parameters.splice(1, 1)));
    expect(breaking(changes)).toEqual([
      { breaking: true, where: "GET /incident", what: "query parameter `comments` removed" },
    ]);
  });

  it("a request body field removed", () => {
    const changes = compare(edited((d) => delete schemas(d).NewIncident.properties.description));
    expect(breaking(changes).map((c) => c.what)).toEqual([
      "body (application/x-www-form-urlencoded): field `description` removed",
    ]);
  });

  it("an enum value removed, from a parameter and from an answer", () => {
    const changes = compare(
      edited((d) => {
        get(d).parameters[2].schema.enum = ["epoch"];
        schemas(d).Incident.properties.priority_id.enum = [1, 2, 3, 4];
      }),
    );
    expect(breaking(changes).map((c) => c.what)).toEqual([
      'query parameter `date_format`: enum value "iso8601" removed',
      "answer 200 (application/json).priority_id: enum value 5 removed",
    ]);
  });

  it("an answer field removed, or no longer promised", () => {
    const changes = compare(
      edited((d) => {
        delete schemas(d).Incident.properties.tags;
        schemas(d).Incident.required = ["id", "priority_id"];
      }),
    );
    expect(breaking(changes).map((c) => c.what)).toEqual([
      "answer 200 (application/json): field `title` may now be missing (no longer required)",
      "answer 200 (application/json): field `tags` removed",
    ]);
  });

  it("a type narrowed in what a client sends", () => {
    const changes = compare(
      edited((d) => {
        schemas(d).NewIncident.properties.source_id.type = "integer";
        get(d).parameters[0].schema = { type: "integer", enum: [1, 2] };
      }),
    );
    expect(breaking(changes).map((c) => c.what)).toEqual([
      "query parameter `id`: now limited to 1, 2",
      "body (application/x-www-form-urlencoded).source_id: type narrowed from integer | string to integer",
    ]);
  });

  it("a type changed in an answer", () => {
    const changes = compare(edited((d) => (schemas(d).Incident.properties.id.type = "string")));
    expect(breaking(changes).map((c) => c.what)).toEqual([
      "answer 200 (application/json).id: type changed from integer to string",
    ]);
  });

  it("a parameter or a body field made required, or a new required one", () => {
    const changes = compare(
      edited((d) => {
        get(d).parameters[1].required = true;
        schemas(d).NewIncident.required = ["title", "priority_id"];
        get(d).parameters.push({ name: "agent_id", in: "query", required: true, schema: {} });
      }),
    );
    expect(breaking(changes).map((c) => c.what)).toEqual([
      "query parameter `comments` made required",
      "required query parameter `agent_id` added",
      "body (application/x-www-form-urlencoded): field `priority_id` made required",
    ]);
  });
});

describe("compatible changes pass", () => {
  it("an additive change: a new operation, optional parameter, answer field and enum value", () => {
    const changes = compare(
      edited((d) => {
        d["paths"]["/incident.tags"] = { get: { responses: { "200": { description: "Tags." } } } };
        get(d).parameters.push({ name: "lang", in: "query", schema: { type: "string" } });
        schemas(d).Incident.properties.due_at = { type: "integer" };
        get(d).parameters[2].schema.enum.push("rfc2822");
        schemas(d).NewIncident.properties.source_id.type = ["integer", "string", "null"];
      }),
    );
    expect(breaking(changes)).toEqual([]);
    expect(changes.map((c) => `${c.where}: ${c.what}`)).toEqual([
      'GET /incident: query parameter `date_format`: enum value "rfc2822" added',
      "GET /incident: optional query parameter `lang` added",
      "GET /incident: answer 200 (application/json): field `due_at` added",
      "POST /incident: body (application/x-www-form-urlencoded).source_id: type widened from integer | string to integer | string | null",
      "GET /incident.tags: operation added",
    ]);
  });

  it("prose is not part of the contract", () => {
    const changes = compare(edited((d) => (get(d).summary = "Read one request")));
    expect(changes).toEqual([]);
  });
});

describe("check-breaking.js", () => {
  const work = mkdtempSync(join(tmpdir(), "sd-contract-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const changesets = join(work, ".changeset");
  mkdirSync(changesets);
  const current = join(work, "current.json");
  const run = () =>
    spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL("../scripts/check-breaking.js", import.meta.url)),
        `--baseline=${fixture}`,
        `--current=${current}`,
        `--changesets=${changesets}`,
      ],
      { encoding: "utf8" },
    );

  it("fails on a breaking change without a major changeset, and lists every change", () => {
    writeFileSync(
      current,
      JSON.stringify(
        edited((d) => {
          get(d).parameters.splice(1, 1);
          schemas(d).Incident.properties.due_at = { type: "integer" };
        }),
      ),
    );
    writeFileSync(join(changesets, "minor.md"), '---\n"@sd-toolkit/openapi": minor\n---\n\nA.\n');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("2 change(s), 1 breaking:");
    expect(result.stdout).toContain("BREAKING  GET /incident: query parameter `comments` removed");
    expect(result.stdout).toContain(
      "ok        GET /incident: answer 200 (application/json): field `due_at` added",
    );
    expect(result.stderr).toContain("no pending changeset bumps @sd-toolkit/openapi by major");
  });

  it("passes the same change once a changeset bumps @sd-toolkit/openapi by major", () => {
    writeFileSync(join(changesets, "major.md"), '---\n"@sd-toolkit/openapi": major\n---\n\nB.\n');
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Allowed: major.md bumps @sd-toolkit/openapi by major.");
  });

  it("passes an additive change without any changeset", () => {
    rmSync(changesets, { recursive: true, force: true });
    writeFileSync(
      current,
      JSON.stringify(edited((d) => (schemas(d).Incident.properties.due_at = { type: "integer" }))),
    );
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("1 change(s), 0 breaking:");
  });
});
