import { describe, expect, it } from "vitest";
import { envelopeCheck, testScript, testScripts } from "../../src/postman/steps/test-scripts.js";
import { requestItems } from "../../src/postman/requests.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

/** Runs a generated script with a minimal stand-in for Postman's `pm`, as the sandbox would. */
function runScript(lines: string[], code: number, body: unknown) {
  const results: Array<[string, boolean]> = [];
  const pm = {
    test(name: string, check: () => void) {
      try {
        check();
        results.push([name, true]);
      } catch {
        results.push([name, false]);
      }
    },
    response: {
      json: () => body,
      to: {
        have: {
          status(expected: number) {
            if (code !== expected) throw new Error(`${code}`);
          },
        },
      },
    },
    expect(actual: unknown) {
      return {
        to: {
          eql(expected: unknown) {
            if (actual !== expected) throw new Error("not equal");
          },
          not: {
            eql(expected: unknown) {
              if (actual === expected) throw new Error("equal");
            },
          },
        },
      };
    },
  };
  new Function("pm", lines.join("\n"))(pm);
  return results;
}

describe("testScripts", () => {
  it("requires OK where every answer is the envelope, else only no refusal", () => {
    const document = fixtureDocument();
    const op = (path: string, method: string) => document.paths[path][method];
    expect(envelopeCheck(document, op("/incident", "post"), 200)).toEqual({
      expect: "OK",
      key: "status",
    });
    expect(envelopeCheck(document, op("/incident", "put"), 200)).toEqual({
      expect: "not ERROR",
      key: "status",
    });
    expect(envelopeCheck(document, op("/companies.users", "post"), 200)).toEqual({
      expect: "not ERROR",
      key: "status",
    });
  });

  it("checks the key as the description spells it (`Status` on internal notes)", () => {
    const document = fixtureDocument();
    document.components.schemas.Result = {
      type: "object",
      properties: { Status: { type: "string", enum: ["OK", "ERROR"] } },
    };
    expect(envelopeCheck(document, document.paths["/incident"].post, 200)).toEqual({
      expect: "OK",
      key: "Status",
    });
    const script = testScript(200, { expect: "OK", key: "Status" });
    expect(runScript(script, 200, { Status: "OK" })[1]).toEqual([
      "the write answers Status OK",
      true,
    ]);
    expect(runScript(script, 200, { Status: "ERROR" })[1]?.[1]).toBe(false);
  });

  it("puts a script on every request; writes also check the envelope, reads do not", () => {
    const collection = testScripts(converterOutput(), fixtureDocument());
    const scripts = Object.fromEntries(
      requestItems(collection).map((item) => [item.name, item.event[0].script.exec.join("\n")]),
    );
    expect(Object.keys(scripts)).toHaveLength(5);
    for (const source of Object.values(scripts)) {
      expect(source).toContain("pm.response.to.have.status(200);");
    }
    expect(scripts["Create a request"]).toContain('to.eql("OK")');
    expect(scripts["Add users to a company"]).toContain('to.not.eql("ERROR")');
    expect(scripts["Get a request"]).not.toContain("body.info");
  });

  it("fails a refused write answered with HTTP 200 and on a wrong HTTP status", () => {
    const always = testScript(200, { expect: "OK", key: "status" });
    expect(runScript(always, 200, { status: "OK" })).toEqual([
      ["answers HTTP 200", true],
      ["the write answers status OK", true],
    ]);
    expect(runScript(always, 200, { status: "ERROR", info: "no" })[1]?.[1]).toBe(false);
    expect(runScript(always, 428, { status: "OK" })[0]?.[1]).toBe(false);
    const whenPresent = testScript(200, { expect: "not ERROR", key: "status" });
    expect(runScript(whenPresent, 200, { id: 4211 })[1]?.[1]).toBe(true);
    expect(runScript(whenPresent, 200, { status: "ERROR" })[1]?.[1]).toBe(false);
  });
});
