import { describe, expect, it } from "vitest";
import { foldersByTag, siteTagOrder } from "../../src/postman/steps/folders-by-tag.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

describe("foldersByTag", () => {
  it("orders tags as the reference site's sidebar: x-tagGroups first, then other tags", () => {
    const document = fixtureDocument();
    expect(siteTagOrder(document)).toEqual(["Requests", "Request Lists", "Companies"]);
    document["x-tagGroups"] = [{ name: "Only", tags: ["Companies"] }];
    expect(siteTagOrder(document)).toEqual(["Companies", "Requests", "Request Lists"]);
  });

  it("makes one folder per tag, with its description and its operations in description order", () => {
    const collection = foldersByTag(converterOutput(), fixtureDocument());
    expect(
      collection.item.map((folder: any) => [folder.name, folder.item.map((i: any) => i.name)]),
    ).toEqual([
      ["Requests", ["Change a request", "Create a request", "Get a request"]],
      ["Request Lists", ["Get several requests"]],
      ["Companies", ["Add users to a company"]],
    ]);
    expect(collection.item[0].description).toEqual({
      content: "About requests.",
      type: "text/markdown",
    });
  });

  it("fails, naming it, when an operation has no request or a request no operation", () => {
    const missing = converterOutput();
    missing.item[1].item.pop();
    expect(() => foldersByTag(missing, fixtureDocument())).toThrow(
      "The converter made no request for: POST /incident",
    );
    const extra = converterOutput();
    extra.item[1].item.push({
      ...structuredClone(extra.item[1].item[0]),
      request: { ...extra.item[1].item[0].request, method: "DELETE" },
    });
    expect(() => foldersByTag(extra, fixtureDocument())).toThrow(
      "The converter made requests the description does not have: DELETE /incident",
    );
  });
});
