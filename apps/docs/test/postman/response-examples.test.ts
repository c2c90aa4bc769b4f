import { describe, expect, it } from "vitest";
import { exampleInputs } from "../../src/postman/steps/example-inputs.js";
import { responseExamples } from "../../src/postman/steps/response-examples.js";
import { requestItems } from "../../src/postman/requests.js";
import { converterOutput, fixtureDocument } from "./fixture.js";

describe("responseExamples", () => {
  it("shows in each saved answer the request exactly as the collection sends it", () => {
    const collection = responseExamples(exampleInputs(converterOutput(), fixtureDocument()));
    for (const item of requestItems(collection)) {
      const { method, header, url, body } = item.request;
      expect(item.response[0].originalRequest).toEqual({
        method,
        header,
        url,
        ...(body ? { body } : {}),
      });
    }
  });
});
