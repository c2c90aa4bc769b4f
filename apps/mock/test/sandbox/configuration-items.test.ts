// Configuration Items in sandbox mode, through the client: CIs by id, and the requests linked to
// assets (the `request_ci` relation, laid over the built-in seed here).
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";
import { startMock } from "../../src/index.js";

const it = sandboxTest();

describe("configuration items", () => {
  it("finds CIs by internal id, within an integration when one is named", async ({
    mock,
    checker,
  }) => {
    const sd = checker.clientFor("cis", mock.apiUrl);
    const laptop = {
      ci_internal_id: 7734,
      ci_external_id: 457,
      ci_name: "LT-0457 Dell Latitude 7440",
    };
    const found = await sd.GET("/cis.by.id", { params: { query: { ci_internal_ids: [7734, 1] } } });
    expect(found.data).toEqual([laptop]);
    const inSource = await sd.GET("/cis.by.id", {
      params: { query: { ci_internal_ids: [7734], ci_source_id: 2 } },
    });
    expect(inSource.data).toEqual([laptop]);
    const otherSource = await sd.GET("/cis.by.id", {
      params: { query: { ci_internal_ids: [7734], ci_source_id: 3 } },
    });
    expect(otherSource.data).toEqual([]);
  });

  it("lists and counts the requests linked to assets", async ({ checker }) => {
    const linked = await startMock({
      port: 0,
      mode: "sandbox",
      memory: true,
      seed: {
        extends: "builtin",
        relations: {
          request_ci: [
            [4211, 7734],
            [4212, 7734],
          ],
        },
      },
    });
    try {
      const sd = checker.clientFor("assets", linked.apiUrl);
      const assets = await sd.GET("/assets", {
        params: { query: { assets_source_id: 2, assets_ids: ["457", "458"] } },
      });
      expect(assets.data).toEqual([
        { asset_id: "457", status_id: 2, incident_id: 4211 },
        { asset_id: "457", status_id: 1, incident_id: 4212 },
      ]);
      const elsewhere = await sd.GET("/assets", {
        params: { query: { assets_source_id: 3, assets_ids: ["457"] } },
      });
      expect(elsewhere.data).toEqual([]);
      // 4211 was created at 1793610840, 4212 at 1793791800.
      const since = await sd.GET("/assets.linked.assets.counters.from", {
        params: { query: { assets_source_id: 2, from: 1793700000 } },
      });
      expect(since.data).toEqual([
        { asset_id: "457", requests: { status: { "1": 1 }, type: { "2": 1 } } },
      ]);
      const later = await sd.GET("/assets.linked.assets.counters.from", {
        params: { query: { assets_source_id: 2, from: 1793800000 } },
      });
      expect(later.data).toEqual([]);
    } finally {
      await linked.close();
    }
  });
});
