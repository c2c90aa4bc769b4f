import { describe, expect, it } from "vitest";
import { COLLECTION_INTRO, descriptions } from "../../src/postman/steps/descriptions.js";
import { requestItems } from "../../src/postman/requests.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

describe("descriptions", () => {
  it("gives each request its operation's description as Markdown, with the OAuth scope", () => {
    const collection = descriptions(converterOutput(), fixtureDocument());
    const add = requestItems(collection).find((item) => item.name === "Add users to a company");
    expect(add?.request.description).toEqual({
      content: "Adds `users` to a company.\n\nOAuth scope: `api.v1.companies.users:post`.",
      type: "text/markdown",
    });
    const get = requestItems(collection).find((item) => item.name === "Get a request");
    expect(get?.request.description.content).toBe("Reads a request.");
  });

  it("opens the collection's description with the variables to set", () => {
    const { info } = descriptions(converterOutput(), fixtureDocument());
    expect(info.description.content).toBe(`A fixture.\n\n${COLLECTION_INTRO}\n\nLong.`);
    expect(info.description.type).toBe("text/markdown");
  });

  it("refuses an operation without a description", () => {
    const document = fixtureDocument();
    delete document.paths["/incidents"].get.description;
    expect(() => descriptions(converterOutput(), document)).toThrow(
      "GET /incidents has no description",
    );
  });
});
