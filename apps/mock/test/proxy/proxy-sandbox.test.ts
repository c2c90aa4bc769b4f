// The sandbox as the upstream, through the proxy: reads and writes pass with the caller's own
// credentials (Basic and an OAuth token from the upstream's token endpoint), the answers come
// back byte for byte, and the sandbox answers as the description says: no drift. Without
// --allow-writes a write never reaches the upstream; an invalid call gets the front's 428.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { basic, call } from "../support/proxy-helpers.js";

let sandbox: RunningMock;
let proxy: RunningMock;
let readOnly: RunningMock;
let forwarding: RunningMock;
const USER = "proxy-scenario";
const auth = basic(USER);

beforeAll(async () => {
  sandbox = await startMock({ memory: true });
  [proxy, readOnly, forwarding] = await Promise.all([
    startMock({
      upstream: sandbox.apiUrl,
      allowWrites: true,
      upstreamRps: 1000,
      upstreamConcurrency: 8,
    }),
    startMock({ upstream: sandbox.apiUrl, upstreamRps: 1000 }),
    startMock({ upstream: sandbox.apiUrl, upstreamRps: 1000, forwardInvalid: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([proxy?.close(), readOnly?.close(), forwarding?.close()]);
  await sandbox?.close();
});

const READS = [
  "/sd.version",
  "/categories",
  "/helpdesks",
  "/helpdesksandlevels",
  "/levels",
  "/groups",
  "/locations",
  "/companies",
  "/users",
  "/incident.attributes.status",
  "/incident.attributes.priority",
  "/incident.attributes.type",
  "/incident.attributes.source",
  "/cf.fields.all",
  "/kb.categories",
  "/kb.articles",
  "/triggers",
  "/workflow.process",
  "/breakingnews.all",
  "/incidents.by.status?status_ids%5B%5D=1&status_ids%5B%5D=2&limit=5",
];

interface Report {
  totals: { calls: number; drifts: number; operationsCalled: number };
  operations: Array<{ path: string; calls: number; drifts: Array<{ kind: string; at: string }> }>;
}

async function report(mock: RunningMock): Promise<Report> {
  return JSON.parse(
    (await call(mock.origin, "/__proxy/report", { authorization: auth })).text,
  ) as Report;
}

describe("the sandbox through the proxy", () => {
  it("passes reads and writes on unchanged, and the sandbox shows no drift", async () => {
    for (const path of READS) {
      const [direct, proxied] = [
        await call(sandbox.apiUrl, path, { authorization: auth }),
        await call(proxy.apiUrl, path, { authorization: auth }),
      ];
      expect(proxied.status, path).toBe(direct.status);
      expect(proxied.headers.get("content-type"), path).toBe(direct.headers.get("content-type"));
      expect(proxied.text, path).toBe(direct.text);
    }
    const list = JSON.parse(
      (
        await call(proxy.apiUrl, "/incidents.by.status?status_ids%5B%5D=1&limit=1", {
          authorization: auth,
        })
      ).text,
    ) as { requestIds: number[] } | number[] | Record<string, unknown>;
    expect(list).toBeTruthy();

    const created = await call(proxy.apiUrl, "/incident", {
      method: "POST",
      authorization: auth,
      form: "title=Printer%20jams&description=Tray%202&type_id=1&priority_id=2&category_id=41&customer_id=1190&creator_id=1190",
    });
    expect(created.status, created.text).toBe(200);
    const { request_id: id } = JSON.parse(created.text) as { request_id: number };
    const comment = await call(proxy.apiUrl, "/incident.comment", {
      method: "POST",
      authorization: auth,
      form: `request_id=${id}&comment=Tried%20tray%201&author_id=1190`,
    });
    expect(comment.status, comment.text).toBeLessThan(300);
    for (const path of [
      `/incident?id=${id}`,
      `/incident.comment?request_id=${id}`,
      `/incident.link?request_id=${id}`,
      `/incident.observer?request_id=${id}`,
      `/incident.tasks?request_id=${id}`,
    ]) {
      const answer = await call(proxy.apiUrl, path, { authorization: auth });
      expect(answer.status, `${path} ${answer.text}`).toBe(200);
    }
    // The write reached the upstream as the caller, with the caller's own tenant.
    const journal = await sandbox.tenant({ username: USER }).journal();
    expect(journal.some((entry) => entry.method === "POST" && entry.endpoint === "/incident")).toBe(
      true,
    );

    const seen = await report(proxy);
    const drifts = seen.operations.flatMap((op) =>
      op.drifts.map((d) => `${op.path} ${d.kind} ${d.at}`),
    );
    expect(drifts).toEqual([]);
    expect(seen.totals.calls).toBeGreaterThanOrEqual(READS.length + 7);
  });

  it("sends a token request to the upstream's token endpoint and Bearer calls with that token", async () => {
    const token = await call(proxy.origin, "/oauth/v2.0/access_token", {
      method: "POST",
      form: "grant_type=client_credentials&client_id=proxy-client&client_secret=proxy-secret&scope=api.v1.sd.version%3Aget",
    });
    expect(token.status, token.text).toBe(200);
    const { access_token: accessToken } = JSON.parse(token.text) as { access_token: string };
    const version = await call(proxy.apiUrl, "/sd.version", {
      authorization: `Bearer ${accessToken}`,
    });
    expect(version.status).toBe(200);
    // The sandbox took the token: it only takes tokens it issued itself.
    const journal = await sandbox.tenant({ clientId: "proxy-client" }).journal();
    expect(journal.map((entry) => entry.endpoint)).toContain("/sd.version");
  });

  it("refuses a write without --allow-writes, and the upstream never sees it", async () => {
    const refused = await call(readOnly.apiUrl, "/incident", {
      method: "POST",
      authorization: basic("read-only-tenant"),
      form: "title=Should%20not%20arrive&type_id=1&priority_id=2&category_id=41&customer_id=1190&creator_id=1190",
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("--allow-writes");
    const read = await call(readOnly.apiUrl, "/sd.version", {
      authorization: basic("read-only-tenant"),
    });
    expect(read.status).toBe(200);
    const journal = await sandbox.tenant({ username: "read-only-tenant" }).journal();
    expect(journal.map((entry) => `${entry.method} ${entry.endpoint}`)).toEqual([
      "GET /sd.version",
    ]);
  });

  it("answers an invalid call with the front's 428 instead of forwarding it", async () => {
    const invalid = await call(readOnly.apiUrl, "/incident?id=abc", {
      authorization: basic("invalid-tenant"),
    });
    expect(invalid.status).toBe(428);
    await expect(sandbox.tenant({ username: "invalid-tenant" }).journal()).resolves.toEqual([]);
  });

  it("forwards an invalid call with --forward-invalid, and the upstream answers it", async () => {
    const invalid = await call(forwarding.apiUrl, "/incident?id=abc", {
      authorization: basic("forwarded-tenant"),
    });
    expect(invalid.status).toBe(428);
    const journal = await sandbox.tenant({ username: "forwarded-tenant" }).journal();
    expect(journal.map((entry) => `${entry.endpoint} ${entry.status}`)).toEqual(["/incident 428"]);
  });

  it("finds no drift in the sandbox's error answers: 401, 403, 428 and 429 are as described", async () => {
    const tenant = "error-answers";
    const token = JSON.parse(
      (
        await call(forwarding.origin, "/oauth/v2.0/access_token", {
          method: "POST",
          form: "grant_type=client_credentials&client_id=error-client&client_secret=s&scope=api.v1.sd.version%3Aget",
        })
      ).text,
    ).access_token as string;
    await sandbox.tenant({ username: tenant }).faults.add({
      operation: "GET /sd.version",
      status: 429,
    });
    const answers = [
      await call(forwarding.apiUrl, "/sd.version", { authorization: "Bearer not-issued" }),
      await call(forwarding.apiUrl, "/helpdesks", { authorization: `Bearer ${token}` }),
      await call(forwarding.apiUrl, "/incident?id=abc", { authorization: basic(tenant) }),
      await call(forwarding.apiUrl, "/sd.version", { authorization: basic(tenant) }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 403, 428, 429]);
    for (const answer of answers) {
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(JSON.parse(answer.text)).toMatchObject({
        error: expect.any(String),
        status: answer.status,
      });
    }
    const seen = await report(forwarding);
    const checked = new Map(seen.operations.map((op) => [op.path, op]));
    for (const path of ["/sd.version", "/helpdesks", "/incident"])
      expect(checked.get(path)?.calls, path).toBeGreaterThan(0);
    expect(
      seen.operations.flatMap((op) => op.drifts.map((d) => `${op.path} ${d.kind} ${d.at}`)),
    ).toEqual([]);
  });
});
