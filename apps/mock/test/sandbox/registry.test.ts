// Every operation of the bundle must have a sandbox handler: no silent fallback to an example.
// This test stays red, listing what is missing, until every domain has its handlers.
import { describe, expect, it } from "vitest";
import { loadDescription } from "../../src/spec/description.js";
import { indexOperations } from "../../src/spec/operations.js";
import type { DomainModule } from "../../src/sandbox/handler.js";
import { buildRegistry, loadDomainModules, moduleName } from "../../src/sandbox/registry.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const { operations } = indexOperations(doc);
const modules = loadDomainModules();

describe("the sandbox's handler registry", () => {
  it("names each domain module after its tag and files each handler under its operation's tag", () => {
    expect(() => buildRegistry(doc, operations, modules)).not.toThrow();
  });

  it("refuses a handler filed under another tag, or for an operation the description lacks", () => {
    const stray: DomainModule = {
      tag: "Requests",
      handlers: {
        listIncidents: () => ({ status: 200, body: [] }),
        // @ts-expect-error: not an operation of the description, so it does not compile either
        noSuchThing: () => ({ status: 200, body: [] }),
      },
    };
    expect(() => buildRegistry(doc, operations, new Map([["requests", stray]]))).toThrow(
      /listIncidents belongs to tag "Request Lists"[\s\S]*noSuchThing is not an operation/,
    );
    expect(moduleName("Request Comments")).toBe("request-comments");
  });

  it("has a handler for every operation of the description", () => {
    const { missing } = buildRegistry(doc, operations, modules);
    expect(
      missing,
      `${missing.length} of ${operations.length} operations have no handler:\n${missing.join("\n")}`,
    ).toEqual([]);
  });
});
