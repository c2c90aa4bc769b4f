// Each test file its own tenant: a user name made from the file's name, so files that run in
// parallel against the one sandbox never see each other's data.
import { createServiceDeskClient } from "@sd-toolkit/client";
import { sandboxControl } from "@sd-toolkit/mock";
import { basename } from "node:path";
import { inject } from "vitest";

export function tenantFor(testFile: string) {
  const origin = inject("sandboxOrigin");
  const username = `suite-${basename(testFile)}`;
  const password = "any";
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  return {
    client: createServiceDeskClient({ baseUrl: `${origin}/api/v1`, auth: { username, password } }),
    control: sandboxControl(origin, authorization),
  };
}
