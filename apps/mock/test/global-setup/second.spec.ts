// One of two files that share the run's sandbox, each in a tenant of its own.
import { beforeEach, expect, it } from "vitest";
import { tenantFor } from "./tenant.js";

const { client, control } = tenantFor(import.meta.filename);
beforeEach(() => control.reset());

it("creates the first request of its own tenant, whatever the other file does", async () => {
  const { data } = await client.POST("/incident", {
    body: {
      title: "Made by the second file",
      type_id: 1,
      priority_id: 2,
      category_id: 37,
      customer_id: 1187,
      creator_id: 1187,
    },
  });
  // The first id after the seed in every tenant: no other file's request took it.
  expect(data).toMatchObject({ request_id: "4213" });
  const read = await client.GET("/incident", { params: { query: { id: 4213 } } });
  expect(read.data).toMatchObject({ title: "Made by the second file" });
  expect((await control.journal()).map((call) => call.operationId)).toEqual([
    "createIncident",
    "getIncident",
  ]);
});
