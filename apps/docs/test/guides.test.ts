import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SANDBOX_FACTS } from "../guides/sandbox-facts.js";
import {
  manualDifferences,
  newerOperations,
  operationAnchor,
  paging,
  postmanExceptions,
} from "../src/guides/generated.js";
import { GUIDE_FILES, renderGuides, withGuides } from "../src/guides/guides.js";
import { assertAllFactsUsed, renderTemplate } from "../src/guides/render.js";
import { listOperations } from "../src/openapi/operations.js";
import { loadBundle } from "./support/bundle.js";

const bundle = loadBundle();

describe("renderTemplate", () => {
  it("fills facts and generated parts and leaves Postman's {{variables}} alone", () => {
    const used = new Set<string>();
    expect(
      renderTemplate(
        "t.md",
        "Run {{fact.start}} at {{baseUrl}}: {{generated.list}}",
        { fact: { start: "`npm start`" }, generated: { list: "- a" } },
        used,
      ),
    ).toBe("Run `npm start` at {{baseUrl}}: - a");
    expect([...used]).toEqual(["start"]);
  });

  it("names the guide and the placeholder it cannot fill", () => {
    expect(() => renderTemplate("sandbox.md", "{{fact.port}}", { fact: {} })).toThrow(
      'sandbox.md: no fact named "port" for {{fact.port}}',
    );
  });

  it("refuses a fact no guide uses", () => {
    expect(() => assertAllFactsUsed({ a: "1", b: "2" }, new Set(["a"]))).toThrow(
      "Facts no guide uses: b",
    );
  });
});

describe("the parts generated from the description", () => {
  it("anchors an operation as the reference page does", () => {
    const entry = listOperations(bundle).find(({ operationId }) => operationId === "getIncident");
    expect(entry && operationAnchor(entry)).toBe("#/requests/getincident");
  });

  it("counts the operations whose description names the manual", () => {
    const count = listOperations(bundle).filter(({ operation }) =>
      /\bmanual\b/i.test(operation.description ?? ""),
    ).length;
    expect(count).toBeGreaterThan(0);
    expect(manualDifferences(bundle)).toMatch(new RegExp(`^${count} operations say`));
  });

  it("says whether each newer operation is described yet", () => {
    const table = newerOperations(bundle, [
      { method: "GET", path: "/incident", what: "read" },
      { method: "POST", path: "/incident.cancel", what: "cancel" },
      { method: "GET", path: "/users.by.extended", what: "internal" },
    ]);
    expect(table.split("\n").slice(2)).toEqual([
      "| `GET /incident` | read | [GET /incident](#/requests/getincident) |",
      "| `POST /incident.cancel` | cancel | [POST /incident.cancel](#/requests/cancelincident) |",
      "| `GET /users.by.extended` | internal | not yet |",
    ]);
  });

  it("lists every paged operation with its style and default page size", () => {
    const rows = paging(bundle).split("\n").slice(2);
    const row = (path: string) => rows.find((candidate) => candidate.includes(`${path}](`));
    expect(row("/users.by")).toContain("cursor");
    expect(row("/incidents.by.status")).toContain("offset");
    expect(row("/kb.articles.by.keywords")).toMatch(/`limit` only \| 25 \|$/);
    expect(row("/incident")).toBeUndefined();
  });

  it("lists the expected exceptions of the Postman run per mode, with their reason", () => {
    expect(postmanExceptions({ $comment: "x", examples: [] })).toBe(
      "Against the examples mode, every request answers 2xx and passes its checks.",
    );
    expect(
      postmanExceptions({ sandbox: [{ request: "DELETE /user", reason: "the user is gone" }] }),
    ).toBe(
      "Against the sandbox mode, these requests are expected not to answer 2xx:\n\n" +
        "- `DELETE /user`: the user is gone",
    );
  });
});

describe("the guides", () => {
  const guides = renderGuides(bundle);

  it("renders the four guides in order, as sidebar sections, with no placeholder left", () => {
    expect(guides.match(/^## .+$/gm)).toEqual([
      "## Test your integration against the sandbox",
      "## Check your instance before going live",
      "## Coming from the manual",
      "## Versions",
    ]);
    expect(GUIDE_FILES).toHaveLength(4);
    expect(guides).not.toMatch(/\{\{(fact|generated)\./);
  });

  it("names tenants in the vitest sample without a drive letter, and gives the control API the origin", () => {
    // An absolute path holds `C:` on Windows, where Basic would split the user name.
    expect(guides).not.toMatch(/username: `[^`]*\$\{import\.meta\.(filename|url|dirname)\}/);
    expect(guides).toContain("relative(process.cwd(), import.meta.filename)");
    expect(guides).toContain('project.provide("sandboxOrigin", mock.origin)');
    expect(guides).toContain("sandboxControl(origin, ");
  });

  it("states every sandbox fact and links the Postman collection", () => {
    for (const value of Object.values(SANDBOX_FACTS)) expect(guides).toContain(value);
    expect(guides).toContain("](postman.json)");
  });

  it("puts them after the description's introduction, on a copy", () => {
    const copy = withGuides(bundle, "## Guide\n\ntext");
    expect(copy.info.description.startsWith(bundle.info.description.trim())).toBe(true);
    expect(copy.info.description.trimEnd().endsWith("## Guide\n\ntext")).toBe(true);
    expect(bundle.info.description).not.toContain("## Guide");
  });

  it("fails on a guide that names a fact the facts file lacks", () => {
    const dir = mkdtempSync(join(tmpdir(), "sd-guides-"));
    for (const file of GUIDE_FILES) writeFileSync(join(dir, file), "{{fact.nowhere}}");
    writeFileSync(join(dir, "newer-operations.json"), '{ "operations": [] }');
    writeFileSync(join(dir, "postman-exceptions.json"), '{ "examples": [] }');
    expect(() => renderGuides(bundle, dir)).toThrow('sandbox.md: no fact named "nowhere"');
  });
});
