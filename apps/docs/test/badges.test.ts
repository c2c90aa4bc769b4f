// The "Newer than the manual" badge: derived from `x-sd-source`, on exactly the marked operations.
import { describe, expect, it } from "vitest";
import { addSourceBadges, NEWER_THAN_MANUAL } from "../src/openapi/badges.js";
import { listOperations } from "../src/openapi/operations.js";
import { loadBundle } from "./support/bundle.js";

const operation = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  operationId: "op",
  summary: "An operation",
  responses: {},
  ...extra,
});

describe("addSourceBadges", () => {
  it("badges the operations marked current-docs and leaves the others alone", () => {
    const document = {
      paths: {
        "/old": { get: operation({ operationId: "getOld" }) },
        "/new": {
          get: operation({ operationId: "getNew", "x-sd-source": "current-docs" }),
          put: operation({
            operationId: "putNew",
            "x-sd-source": "current-docs",
            "x-badges": [{ name: "Beta" }],
          }),
        },
      },
    };
    expect(addSourceBadges(document)).toBe(2);
    expect(document.paths["/old"].get).not.toHaveProperty("x-badges");
    expect(document.paths["/new"].get["x-badges"]).toEqual([NEWER_THAN_MANUAL]);
    expect(document.paths["/new"].put["x-badges"]).toEqual([{ name: "Beta" }, NEWER_THAN_MANUAL]);
  });

  it("refuses a mark with another value, naming the operation", () => {
    const document = { paths: { "/x": { get: operation({ "x-sd-source": "blog" }) } } };
    expect(() => addSourceBadges(document)).toThrow(/GET \/x has x-sd-source: "blog"/);
  });

  it("badges the 22 operations the current reference adds, none of the manual's 154", () => {
    const document = loadBundle();
    expect(addSourceBadges(document)).toBe(22);
    const badged = listOperations(document).filter(({ operation: op }) => op["x-badges"]);
    expect(badged.map(({ operationId }) => operationId)).toContain("cancelIncident");
    expect(listOperations(document).length - badged.length).toBe(154);
  });
});
