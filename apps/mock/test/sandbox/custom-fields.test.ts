// The Custom Fields domain in sandbox mode, through the client over real HTTP: list and tree
// options added, changed and deleted, then read back; the legacy /cf.field.options on the same
// options; field definitions by category; refusals for unknown fields and fields of the wrong
// kind.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

/**
 * A refusal of GET /cf.field.options.tree (an unknown field, or a field that is not a tree) is
 * the ERROR envelope where the description only has the array of options: a recorded choice.
 */

const it = sandboxTest({
  undescribed: (method, path, body) =>
    method === "get" &&
    path === "/cf.field.options.tree" &&
    (body as { status?: string }).status === "ERROR",
});

type TreeOption = { hash: string; key: string; name: string; children: TreeOption[] };

describe("options of a list field", () => {
  it("are added, relabelled, deleted and read back, the legacy endpoints on the same state", async ({
    client,
  }) => {
    const sd = client("cf-list");
    const read = async () =>
      (await sd.GET("/cf.field.options.list", { params: { query: { uid: 22 } } })).data;
    expect(await read()).toEqual({
      "key-value": {
        "lt-0457": "LT-0457 Dell Latitude 7440",
        "lt-0458": "LT-0458 Dell Latitude 7440",
      },
    });

    const added = await sd.POST("/cf.field.options.list", {
      body: {
        uid: 22,
        type: "key-value",
        key_values: { "lt-0459": "LT-0459 Lenovo T14", "lt-0457": "LT-0457 (spare)" },
      },
    });
    expect(added.data).toEqual({ status: "OK", info: "Options updated.", total: 2 });
    expect(await read()).toEqual({
      "key-value": {
        "lt-0457": "LT-0457 (spare)",
        "lt-0458": "LT-0458 Dell Latitude 7440",
        "lt-0459": "LT-0459 Lenovo T14",
      },
    });

    // The legacy endpoints read and write the very same options.
    const legacy = await sd.GET("/cf.field.options", { params: { query: { uid: 22 } } });
    expect(legacy.data).toEqual(await read());
    const relabelled = await sd.PUT("/cf.field.options", {
      body: { uid: 22, type: "key-value", key_values: { "lt-0459": "LT-0459 Lenovo T14s" } },
    });
    expect(relabelled.data).toMatchObject({ status: "OK", total: 1 });
    expect(await read()).toMatchObject({ "key-value": { "lt-0459": "LT-0459 Lenovo T14s" } });

    const deleted = await sd.DELETE("/cf.field.options.list", {
      params: { query: { uid: 22, type: "key-value", keys: ["lt-0458", "no-such-key"] } },
    });
    // Only keys that were there count.
    expect(deleted.data).toEqual({ status: "OK", info: "Options deleted.", total: 1 });
    const legacyDeleted = await sd.DELETE("/cf.field.options", {
      params: { query: { uid: 22, type: "key-value", keys: ["lt-0457"] } },
    });
    expect(legacyDeleted.data).toMatchObject({ status: "OK", total: 1 });
    expect(await read()).toEqual({ "key-value": { "lt-0459": "LT-0459 Lenovo T14s" } });

    // Another credential's field 22 still has the seed's two options.
    const other = await client("cf-list-other").GET("/cf.field.options.list", {
      params: { query: { uid: 22 } },
    });
    expect(Object.keys((other.data as { "key-value": object })["key-value"])).toEqual([
      "lt-0457",
      "lt-0458",
    ]);
  });

  it("reads the option settings of a list field", async ({ client }) => {
    const { data } = await client("cf-config").GET("/cf.field.options.list.config", {
      params: { query: { uid: 22 } },
    });
    expect(data).toEqual({ configurations: [], count: 0 });
  });

  it("refuses list calls on an unknown field or on a field that is not a list", async ({
    client,
  }) => {
    const sd = client("cf-list-refusals");
    const unknown = await sd.GET("/cf.field.options.list", { params: { query: { uid: 99 } } });
    expect(unknown.data).toEqual({ status: "ERROR", info: "There is no custom field 99." });
    const tree = await sd.POST("/cf.field.options.list", {
      body: { uid: 24, type: "key-value", key_values: { x: "X" } },
    });
    expect(tree.data).toEqual({ status: "ERROR", info: "Custom field 24 is not a list field." });
    const text = await sd.POST("/cf.field.options", {
      body: { uid: 21, type: "key-value", key_values: { x: "X" } },
    });
    expect(text.data).toMatchObject({ status: "ERROR" });
    const config = await sd.GET("/cf.field.options.list.config", {
      params: { query: { uid: 24 } },
    });
    expect(config.data).toMatchObject({ status: "ERROR" });
  });

  it("answers 428 naming key_values when it is missing", async ({ mock }) => {
    const response = await fetch(`${mock.apiUrl}/cf.field.options.list?uid=22&type=key-value`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("cf-428:x").toString("base64")}` },
    });
    expect(response.status).toBe(428);
    const body = (await response.json()) as { invalid_params: Array<{ name: string }> };
    expect(body.invalid_params.map((p) => p.name)).toEqual(["key_values"]);
  });
});

describe("options of a tree field", () => {
  it("are added, renamed, overwritten and deleted with their subtree, and read back", async ({
    client,
  }) => {
    const sd = client("cf-tree");
    const read = async () =>
      (await sd.GET("/cf.field.options.tree", { params: { query: { uid: 24 } } }))
        .data as TreeOption[];
    expect(await read()).toEqual([
      {
        hash: "9c1f2a7e",
        key: "dell",
        name: "Dell",
        children: [{ hash: "4b8d03c5", key: "latitude-7440", name: "Latitude 7440", children: [] }],
      },
    ]);

    const added = await sd.POST("/cf.field.options.tree", {
      body: { uid: 24, name: "Latitude 5550", key: "latitude-5550", parent_hash: "9c1f2a7e" },
    });
    expect(added.data).toEqual({ status: "OK", info: "Option added." });
    const model = (await read())[0]?.children[1];
    expect(model).toMatchObject({ key: "latitude-5550", name: "Latitude 5550", children: [] });
    expect(model?.hash).toMatch(/^[0-9a-f]{8}$/);

    const renamed = await sd.PUT("/cf.field.options.tree", {
      body: { uid: 24, hash: model!.hash, name: "Latitude 5550 (2025)" },
    });
    expect(renamed.data).toEqual({ status: "OK", info: "Option updated." });
    expect((await read())[0]?.children[1]).toEqual({ ...model, name: "Latitude 5550 (2025)" });

    // Without a key the option's hash is its key; a key already taken is overwritten in place.
    await sd.POST("/cf.field.options.tree", { body: { uid: 24, name: "Lenovo" } });
    await sd.POST("/cf.field.options.tree", { body: { uid: 24, name: "Dell Inc.", key: "dell" } });
    const [dell, lenovo] = await read();
    expect(dell).toMatchObject({ hash: "9c1f2a7e", name: "Dell Inc." });
    expect(lenovo?.key).toBe(lenovo?.hash);

    // The legacy view of a tree field: every option by key, nested ones included.
    const legacy = await sd.GET("/cf.field.options", { params: { query: { uid: 24 } } });
    expect(legacy.data).toEqual({
      "key-value": {
        dell: "Dell Inc.",
        "latitude-7440": "Latitude 7440",
        "latitude-5550": "Latitude 5550 (2025)",
        [lenovo!.key]: "Lenovo",
      },
    });

    const deleted = await sd.DELETE("/cf.field.options.tree", {
      params: { query: { uid: 24, hash: "9c1f2a7e" } },
    });
    expect(deleted.data).toEqual({ status: "OK", info: "Option deleted." });
    expect(await read()).toEqual([lenovo]);
  });

  it("gives the same hashes to the same calls in two tenants", async ({ client }) => {
    const hashes = [];
    for (const tenant of ["cf-hash-a", "cf-hash-b"]) {
      const sd = client(tenant);
      await sd.POST("/cf.field.options.tree", { body: { uid: 24, name: "HP" } });
      const { data } = await sd.GET("/cf.field.options.tree", { params: { query: { uid: 24 } } });
      hashes.push((data as TreeOption[])[1]?.hash);
    }
    expect(hashes[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(hashes[1]).toBe(hashes[0]);
  });

  it("adds the option when PUT names a hash that is not there", async ({ client }) => {
    const sd = client("cf-tree-put-adds");
    const put = await sd.PUT("/cf.field.options.tree", {
      body: { uid: 24, hash: "0badf00d", key: "acer", name: "Acer" },
    });
    expect(put.data).toEqual({ status: "OK", info: "Option added." });
    const { data } = await sd.GET("/cf.field.options.tree", { params: { query: { uid: 24 } } });
    expect((data as TreeOption[])[1]).toEqual({
      hash: "0badf00d",
      key: "acer",
      name: "Acer",
      children: [],
    });
  });

  it("refuses an unknown parent or hash, a key taken by another option, a field that is not a tree", async ({
    client,
  }) => {
    const sd = client("cf-tree-refusals");
    const parent = await sd.POST("/cf.field.options.tree", {
      body: { uid: 24, name: "Orphan", parent_hash: "ffffffff" },
    });
    expect(parent.data).toEqual({
      status: "ERROR",
      info: "Custom field 24 has no option ffffffff.",
    });
    const gone = await sd.DELETE("/cf.field.options.tree", {
      params: { query: { uid: 24, hash: "ffffffff" } },
    });
    expect(gone.data).toMatchObject({ status: "ERROR" });
    const taken = await sd.PUT("/cf.field.options.tree", {
      body: { uid: 24, hash: "4b8d03c5", key: "dell" },
    });
    expect(taken.data).toEqual({
      status: "ERROR",
      info: "Custom field 24 already has an option with key dell.",
    });
    const list = await sd.GET("/cf.field.options.tree", { params: { query: { uid: 22 } } });
    expect(list.data).toEqual({ status: "ERROR", info: "Custom field 22 is not a tree field." });
    // Nothing above changed the tree.
    const { data } = await sd.GET("/cf.field.options.tree", { params: { query: { uid: 24 } } });
    expect(JSON.stringify(data)).toBe(
      '[{"hash":"9c1f2a7e","key":"dell","name":"Dell","children":[{"hash":"4b8d03c5","key":"latitude-7440","name":"Latitude 7440","children":[]}]}]',
    );
  });
});

describe("field definitions", () => {
  it("lists the active fields, the shared ones apart, and the kinds of field", async ({
    client,
  }) => {
    const sd = client("cf-fields");
    const all = await sd.GET("/cf.fields.all", {});
    expect((all.data as Array<{ uid: number }>).map((field) => field.uid)).toEqual([
      21, 22, 23, 24,
    ]);
    expect((all.data as unknown[])[1]).toEqual({
      uid: 22,
      label: "Affected device",
      type: 3,
      description: "The device the request is about.",
      categories: "37,38",
      is_required: false,
    });
    const shared = await sd.GET("/cf.fields.shared.all", {});
    expect(shared.data).toEqual([
      { uid: 25, label: "Cost center", description: "The budget the work is charged to.", type: 1 },
    ]);
    const types = await sd.GET("/cf.fields.types", {});
    expect(types.data).toEqual(
      expect.arrayContaining([
        { id: 1, name: "Text" },
        { id: 3, name: "List" },
        { id: 4, name: "Tree" },
      ]),
    );
  });

  it("gives the fields of a category, and those a new request of it starts with", async ({
    client,
  }) => {
    const sd = client("cf-by-category");
    const laptops = await sd.GET("/cf.fields.by.category", {
      params: { query: { category_id: 38 } },
    });
    expect(laptops.data).toEqual([21, 22, 23, 24]);
    const hardware = await sd.GET("/cf.fields.by.category", {
      params: { query: { category_id: 37 } },
    });
    expect(hardware.data).toEqual([21, 22]);
    const none = await sd.GET("/cf.fields.by.category", {
      params: { query: { category_id: 999 } },
    });
    expect(none.data).toEqual([]);
    const starting = await sd.GET("/cf.starting.fields.by.category", {
      params: { query: { category_id: 37, language: "en" } },
    });
    expect(starting.data).toEqual([
      {
        uid: 21,
        label: "Asset tag",
        type_id: 1,
        subtype_id: "0",
        multiple_selection: false,
        is_required: false,
      },
      {
        uid: 22,
        label: "Affected device",
        type_id: 3,
        subtype_id: "0",
        multiple_selection: false,
        is_required: true,
      },
    ]);
  });
});
