import { describe, expect, it } from "vitest";
import { collectionAuth, collectionVariables } from "../../src/postman/steps/collection-auth.js";
import { requestItems } from "../../src/postman/requests.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

describe("collectionAuth", () => {
  it("puts Basic auth with {{username}} and {{password}} on the collection, inherited by every request", () => {
    const collection = collectionAuth(converterOutput(), fixtureDocument());
    expect(collection.auth).toEqual({
      type: "basic",
      basic: [
        { key: "username", value: "{{username}}", type: "string" },
        { key: "password", value: "{{password}}", type: "string" },
      ],
    });
    for (const item of requestItems(collection)) expect(item.request).not.toHaveProperty("auth");
  });

  it("declares instance, baseUrl = https://{{instance}}/api/v1 and empty credentials", () => {
    const variables = collectionVariables(fixtureDocument());
    expect(variables.map(({ key, value }) => [key, value])).toEqual([
      ["instance", "acme.example"],
      ["baseUrl", "https://{{instance}}/api/v1"],
      ["username", ""],
      ["password", ""],
    ]);
  });

  it("refuses a server variable without a default", () => {
    const document = fixtureDocument();
    delete document.servers[0].variables.instance.default;
    expect(() => collectionVariables(document)).toThrow(
      "Server variable {instance} has no default",
    );
  });
});
