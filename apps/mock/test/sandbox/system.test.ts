// System in sandbox mode: the version of the instance, as the object invgo decodes.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

describe("the version of the instance", () => {
  it("answers an object with the release, not a bare string", async ({ client }) => {
    const { data, response } = await client("system").GET("/sd.version");
    expect(response.status).toBe(200);
    // A current cloud release, written as production writes it (CA endpoints-reference).
    expect(data).toEqual({ version: "v8.15.13" });
  });
});
