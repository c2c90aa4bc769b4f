// What a user writes after `npm install @sd-toolkit/client @sd-toolkit/mock ...`: the sandbox
// started from code, the seeded request 4211 read through the typed client, a request created
// and read back, the contract
// imported as JSON, the YAML file and the reference site located through their packages.
// Prints one JSON line for the test to check.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createServiceDeskClient,
  ServiceDeskError,
  ServiceDeskRefusedError,
  type OperationKey,
} from "@sd-toolkit/client";
import { siteDir } from "@sd-toolkit/docs";
import { startMock } from "@sd-toolkit/mock";
import spec from "@sd-toolkit/openapi/openapi.json" with { type: "json" };
import type { Request, SuccessBody } from "@sd-toolkit/types";

const mock = await startMock({ port: 0 });
try {
  const sd = createServiceDeskClient({
    baseUrl: mock.apiUrl,
    auth: { username: "api-integration", password: "secret" },
  });
  const { data, error } = await sd.GET("/incident", { params: { query: { id: 4211 } } });
  // `false` is the answer for an unknown id.
  if (error !== undefined || !data) throw new Error("GET /incident failed");
  const incident: Request = data;
  const sameType: SuccessBody<"/incident", "get"> = incident;

  const created = await sd.POST("/incident", {
    body: {
      title: "Docking station not detected",
      type_id: 1,
      priority_id: 2,
      category_id: 37,
      customer_id: 1187,
      creator_id: 1187,
    },
  });
  if (created.data?.status !== "OK") throw new Error("POST /incident was not accepted");
  const newId = Number(created.data.request_id);
  const readBack = await sd.GET("/incident", { params: { query: { id: newId } } });
  if (readBack.error !== undefined || !readBack.data) throw new Error("the new request is missing");

  // exactOptionalPropertyTypes: a maybe-value goes into options and bodies as it is.
  const maybe = process.env["SD_NO_SUCH_SETTING"] ? 5000 : undefined;
  const strict = createServiceDeskClient({
    baseUrl: mock.apiUrl,
    auth: { username: "api-integration", password: "secret" },
    timeoutMs: maybe,
    onRequest: undefined,
  });
  await strict.unwrap(
    strict.PUT("/incident", { body: { id: newId, customer_id: maybe, title: undefined } }),
  );
  // A read of a record that does not exist: the server's `false` comes back as null.
  const unknownUser = await strict.unwrap(
    strict.GET("/user", { params: { query: { id: 987654 } } }),
  );
  // A soft refusal (HTTP 200, status ERROR) is thrown as a typed refusal.
  const refusal = await strict
    .unwrap(
      strict.POST("/incident.reassign", {
        body: { request_id: 987654, group_id: 1, author_id: 1 },
      }),
    )
    .then(
      () => "none",
      (error: unknown) =>
        error instanceof ServiceDeskRefusedError
          ? error.name
          : error instanceof ServiceDeskError
            ? `${error.name} ${error.status}`
            : String(error),
    );
  const faultTarget: OperationKey = "GET /incident";

  const yamlFile = fileURLToPath(import.meta.resolve("@sd-toolkit/openapi/openapi.yaml"));
  const yamlFirstLine = readFileSync(yamlFile, "utf8").split("\n", 1)[0];
  const page = readFileSync(join(siteDir, "index.html"), "utf8");

  console.log(
    JSON.stringify({
      incident: { id: sameType.id, title: incident.title },
      created: {
        id: readBack.data.id,
        title: readBack.data.title,
        status: readBack.data.status_id,
      },
      openapi: spec.openapi,
      title: spec.info.title,
      paths: Object.keys(spec.paths).length,
      yamlFirstLine,
      siteHasRedoc: page.includes("<redoc") || page.includes("redoc"),
      apiUrl: mock.apiUrl,
      unknownUser,
      refusal,
      faultTarget,
    }),
  );
} finally {
  await mock.close();
}
