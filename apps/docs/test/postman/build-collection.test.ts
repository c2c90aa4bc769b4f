// The whole build on the real bundle, through the real converter: what a Postman user imports.
import { describe, expect, it } from "vitest";
import { listOperations } from "../../src/openapi/operations.js";
import { buildCollection } from "../../src/postman/build-collection.js";
import { siteTagOrder } from "../../src/postman/steps/folders-by-tag.js";
import { requestItems } from "../../src/postman/requests.js";
import { loadBundle } from "../support/bundle.js";

const bundle = loadBundle();
const collection = await buildCollection(bundle);
const items = requestItems(collection);

/** Every key/value field a request sends: query and body. */
function fieldsOf(
  item: Record<string, any>,
): Array<{ key: string; value?: string; type?: string }> {
  const { url, body } = item.request;
  return [...(url.query ?? []), ...(body?.urlencoded ?? []), ...(body?.formdata ?? [])];
}

describe("the Postman collection built from the bundle", () => {
  it("is a v2.1 collection with one request per operation", () => {
    expect(collection.info.schema).toBe(
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    );
    expect(items).toHaveLength(listOperations(bundle).length);
  });

  it("has its folders in the sidebar's order, and a description and a test script on every request", () => {
    expect(collection.item.map((folder: any) => folder.name)).toEqual(
      siteTagOrder(bundle).filter((tag) =>
        listOperations(bundle).some((entry) => entry.tag === tag),
      ),
    );
    for (const item of items) {
      expect(item.request.description.type, item.name).toBe("text/markdown");
      expect(item.request.description.content.length, item.name).toBeGreaterThan(20);
      expect(item.event?.[0]?.listen, item.name).toBe("test");
      expect(item.request, item.name).not.toHaveProperty("auth");
    }
  });

  it("never sends a bare repeated name, which PHP would read as its last value only", () => {
    for (const item of items) {
      const keys = fieldsOf(item).map((field) => field.key);
      const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(
        repeated.filter((key) => !key.endsWith("[]")),
        item.name,
      ).toEqual([]);
    }
  });

  it("sends booleans as 1/0 and no value the converter faked", () => {
    for (const item of items) {
      for (const field of fieldsOf(item)) {
        expect(["true", "false", "string"], `${item.name}: ${field.key}`).not.toContain(
          field.value,
        );
      }
    }
  });

  it("keeps the credentials as variables only", () => {
    const text = JSON.stringify(collection);
    expect(text).not.toContain("basicAuth");
    expect(collection.variable.find((v: any) => v.key === "password").value).toBe("");
  });

  it("is the same file on every build", async () => {
    expect(await buildCollection(bundle)).toEqual(collection);
  });
});
