import { describe, expect, it } from "vitest";
import { exampleInputs, queryValue } from "../../src/postman/steps/example-inputs.js";
import { requestItems } from "../../src/postman/requests.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

function byName(name: string) {
  const item = requestItems(exampleInputs(converterOutput(), fixtureDocument())).find(
    (candidate) => candidate.name === name,
  );
  if (!item) throw new Error(`no ${name}`);
  return item.request;
}

describe("exampleInputs", () => {
  it("sends query arrays as name[]=, dictionaries as name[key]=, booleans as 1", () => {
    expect(byName("Get several requests").url).toEqual({
      raw: "{{baseUrl}}/incidents?ids[]=4211&ids[]=4212&key_values[color]=blue",
      host: ["{{baseUrl}}"],
      path: ["incidents"],
      query: [
        { key: "ids[]", value: "4211", description: "Required. The requests." },
        { key: "ids[]", value: "4212", description: "Required. The requests." },
        { key: "key_values[color]", value: "blue" },
      ],
    });
    expect(byName("Get a request").url.query).toEqual([
      { key: "id", value: "4211", description: "Required." },
      { key: "comments", value: "1" },
    ]);
  });

  it("builds form bodies from the named example, arrays with brackets and booleans as 0", () => {
    const add = byName("Add users to a company");
    expect(add.body).toEqual({
      mode: "urlencoded",
      urlencoded: [
        { key: "id", value: "8", description: "Required. The company." },
        { key: "users[]", value: "1187", description: "Required." },
        { key: "users[]", value: "1190", description: "Required." },
      ],
    });
    expect(add.header).toContainEqual({
      key: "Content-Type",
      value: "application/x-www-form-urlencoded",
    });
    expect(byName("Change a request").body.urlencoded).toContainEqual({
      key: "reassignment",
      value: "0",
      description: "Route again.",
    });
  });

  it("sends multipart where the body takes files, each file part present but disabled", () => {
    const create = byName("Create a request");
    expect(create.body.mode).toBe("formdata");
    expect(create.body.formdata).toEqual([
      { key: "title", value: "Boot", type: "text", description: "Required." },
      {
        key: "attachments[]",
        type: "file",
        src: [],
        disabled: true,
        description: "Files. Enable this part and choose a file, such as boot.jpg.",
      },
      // An attachment id in the same field stays a text part.
      { key: "attachments[]", value: "7001", type: "text", description: "Files." },
    ]);
    // Postman writes the multipart Content-Type with its boundary itself.
    expect(create.header.some((header: any) => header.key.toLowerCase() === "content-type")).toBe(
      false,
    );
  });

  it("percent-encodes the + and % that Postman would send as typed in a query", () => {
    expect(queryValue("+31 10 555 0187")).toBe("%2B31 10 555 0187");
    expect(queryValue("2026-11-03T00:00:00+00:00")).toBe("2026-11-03T00:00:00%2B00:00");
    expect(queryValue("100%")).toBe("100%25");
    expect(queryValue("Northwind Logistics & Co")).toBe("Northwind Logistics & Co");
  });

  it("leaves no body on reads", () => {
    expect(byName("Get a request")).not.toHaveProperty("body");
  });
});
