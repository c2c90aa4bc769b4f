// System in sandbox mode: the version of the instance, as the object invgo decodes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { describedClients } from "../support/described-client.js";

let mock: RunningMock;
const { clientFor, takeOffDescription } = describedClients(() => mock.apiUrl);

beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});
afterEach(() => {
  expect(takeOffDescription(), "answers that differ from the description").toEqual([]);
});

describe("the version of the instance", () => {
  it("answers an object with the release, not a bare string", async () => {
    const { data, response } = await clientFor("system").GET("/sd.version");
    expect(response.status).toBe(200);
    // A current cloud release, written as production writes it (CA endpoints-reference).
    expect(data).toEqual({ version: "v8.15.13" });
  });
});
