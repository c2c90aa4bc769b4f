// Workflows in sandbox mode: deploying a workflow moves its newest version, the starting
// fields follow the request category, list fields of a running workflow (a request) keep their
// values, and the definitions page as an object keyed by workflow id.
import { describe, expect } from "vitest";
import type { UndescribedChoice } from "../support/checked-client.js";
import { sandboxTest } from "../support/sandbox-fixture.js";

/** Nothing found (an empty page, an unknown id) is PHP's `[]`, which the description lacks (decision). */
const emptyPage: UndescribedChoice = (method, path, body) =>
  method === "get" && path === "/workflow.process" && Array.isArray(body) && body.length === 0;

const onboardingSeed = (id: number, name: string) => ({
  id,
  wf_id: id,
  name,
  author: "priya.raman@northwind.example",
  created_at: 1788249600,
  status: 2,
  status_name: "Draft",
  versions: [{ id: 800 + id, version: 1, status: 2, status_name: "Draft", modified: true }],
  category_ids: [],
  initial_fields: [],
  list_fields: [],
});

const it = sandboxTest({
  seed: {
    extends: "builtin",
    records: {
      workflow: [onboardingSeed(45, "Laptop refresh"), onboardingSeed(46, "Offboarding")],
    },
  },
  undescribed: emptyPage,
});

interface Workflow {
  wf_id: number;
  status: number;
  status_name: string;
  versions: {
    status: number;
    deployed_at?: number | string;
    deployed_by?: string;
    modified?: boolean;
  }[];
}

describe("workflows", () => {
  it("deploys the newest version of a workflow and reads it back", async ({ client }) => {
    const sd = client("wf-deploy");
    const before = Math.floor(Date.now() / 1000);
    const deployed = await sd.PUT("/wf.deploy", { body: { workflow_id: 45 } });
    expect(deployed.data).toEqual({
      status: "OK",
      info: "Workflow deployed.",
      workflow_id: 45,
      description: "Workflow deployed.",
    });
    const read = (await sd.GET("/workflow.process", { params: { query: { id: 45 } } }))
      .data as Workflow;
    expect(read).toMatchObject({ wf_id: 45, status: 1, status_name: "Deployed" });
    expect(read.versions[0]).toMatchObject({
      status: 1,
      deployed_by: "api-integration",
      modified: false,
    });
    expect(read.versions[0]!.deployed_at).toBeGreaterThanOrEqual(before);
    expect(read).not.toHaveProperty("category_ids");
  });

  it("names the workflow of a request category and its starting fields", async ({ client }) => {
    const sd = client("wf-fields");
    expect(
      (await sd.GET("/wf.initialfields.by.category", { params: { query: { category_id: 41 } } }))
        .data,
    ).toEqual({
      category_id: 41,
      associated_workflow_id: 44,
      associated_workflow_name: "New contractor onboarding",
      workflow_initial_fields: [
        { name: "Contractor company", type: "text", is_required: true },
        { name: "Contract end date", type: "date", is_required: true },
      ],
    });
    expect(
      (await sd.GET("/wf.initialfields.by.category", { params: { query: { category_id: 37 } } }))
        .data,
    ).toMatchObject({ status: "ERROR", info: expect.stringMatching(/37/) });
  });

  it("adds to and sets the values of a list field of a running workflow", async ({ client }) => {
    const sd = client("wf-values");
    const read = () =>
      sd.GET("/workflow.field.list.values", {
        params: { query: { request_id: 4212, field_id: "vpn_groups" } },
      });
    expect((await read()).data).toEqual({
      status: "OK",
      request_id: 4212,
      field_id: "vpn_groups",
      values: ["vpn-contractors"],
    });
    const added = await sd.POST("/workflow.field.list.values", {
      body: {
        request_id: 4212,
        field_id: "vpn_groups",
        values: ["wiki-readers", "vpn-contractors"],
      },
    });
    expect(added.data).toMatchObject({
      status: "OK",
      values: ["vpn-contractors", "wiki-readers"],
      description: "Added 1 value(s) to the field.",
    });
    expect((await read()).data).toMatchObject({ values: ["vpn-contractors", "wiki-readers"] });
    await sd.POST("/workflow.field.list.values", {
      body: { request_id: 4212, field_id: "vpn_groups", value: "print-users", operation: "set" },
    });
    expect((await read()).data).toMatchObject({ values: ["print-users"] });
  });

  it("refuses fields of requests that run no workflow, unknown fields and empty writes", async ({
    client,
  }) => {
    const sd = client("wf-refusals");
    const refusals = [
      await sd.GET("/workflow.field.list.values", {
        params: { query: { request_id: 4211, field_id: "vpn_groups" } },
      }),
      await sd.GET("/workflow.field.list.values", {
        params: { query: { request_id: 4212, field_id: "no_such_field" } },
      }),
      await sd.GET("/workflow.field.list.values", {
        params: { query: { request_id: 999999, field_id: "vpn_groups" } },
      }),
      await sd.POST("/workflow.field.list.values", {
        body: { request_id: 4212, field_id: "vpn_groups" },
      }),
      await sd.PUT("/wf.deploy", { body: { workflow_id: 999 } }),
    ];
    for (const { response, data } of refusals) {
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ status: "ERROR", info: expect.any(String) });
    }
    // GET /workflow.process describes `status` as a number, so an unknown id finds nothing.
    expect((await sd.GET("/workflow.process", { params: { query: { id: 999 } } })).data).toEqual(
      [],
    );
  });

  it("pages the workflows as an object keyed by id", async ({ client }) => {
    const sd = client("wf-pages");
    const page = (key?: string) =>
      sd.GET("/workflow.process", {
        params: { query: { limit: 2, ...(key === undefined ? {} : { page_key: key }) } },
      });
    expect(Object.keys((await page()).data as object)).toEqual(["44", "45"]);
    const second = Buffer.from("wf:page:2").toString("base64");
    expect(Object.keys((await page(second)).data as object)).toEqual(["46"]);
    expect((await page(Buffer.from("wf:page:3").toString("base64"))).data).toEqual([]);
    const bad = await page("not-a-key");
    expect(bad.response.status).toBe(428);
    expect(bad.error).toMatchObject({ status: 428, error: expect.stringMatching(/page_key/) });
  });
});
