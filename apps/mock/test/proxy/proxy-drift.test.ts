// A drifting upstream behind the proxy: each planted drift is reported once, with its kind,
// path and count, and nothing else is. The report, its HTML page, the JUnit file and the logs
// never hold the caller's password or token, nor the people's names and emails of the answers.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { PLANTED, PLANTED_NAME, startDriftingUpstream } from "../support/drifting-upstream.js";
import { basic, call, PASSWORD, type TestUpstream } from "../support/proxy-helpers.js";

let sandbox: RunningMock;
let drifting: TestUpstream;
let proxy: RunningMock;
let dir: string;
const auth = basic("drift-checker");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "proxy-drift-"));
  sandbox = await startMock({ memory: true });
  drifting = await startDriftingUpstream(sandbox.apiUrl);
  proxy = await startMock({
    upstream: drifting.api,
    upstreamRps: 1000,
    junit: join(dir, "drift.xml"),
  });
});
afterAll(async () => {
  await proxy?.close();
  await drifting?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Report {
  totals: { drifts: number; byKind: Record<string, number> };
  operations: Array<{
    path: string;
    calls: number;
    drifts: Array<{ kind: string; at: string; count: number; expected: string; seen: string }>;
  }>;
}

/** Every person's name, user name and email the sandbox's answers hold. */
async function personalValues(): Promise<string[]> {
  const users = JSON.parse(
    (await call(sandbox.apiUrl, "/users", { authorization: auth })).text,
  ) as Array<Record<string, unknown>>;
  const values = users.flatMap((u) =>
    ["name", "lastname", "username", "email"].flatMap((key) =>
      typeof u[key] === "string" && (u[key] as string).length >= 5 ? [u[key] as string] : [],
    ),
  );
  expect(values.length).toBeGreaterThan(5);
  return values;
}

describe("drift against a drifting upstream", () => {
  it("reports each planted drift once with its path, kind and count, and nothing else", async () => {
    const log = vi.spyOn(console, "log");
    const error = vi.spyOn(console, "error");
    const user = JSON.parse((await call(sandbox.apiUrl, "/users", { authorization: auth })).text)[0]
      .id as number;
    const request = JSON.parse(
      (
        await call(sandbox.apiUrl, "/incidents.by.status?status_ids%5B%5D=1&limit=1", {
          authorization: auth,
        })
      ).text,
    ) as { requestIds?: number[] };
    const requestId = request.requestIds?.[0] ?? 4211;
    const paths = [
      "/locations",
      "/groups",
      "/companies",
      "/sd.version",
      `/incident?id=${requestId}`,
      `/user?id=${user}`,
      `/incident.comment?request_id=${requestId}`,
      "/categories",
      "/helpdesks",
    ];
    // /sd.version twice: its drift is counted twice, still one entry.
    for (const path of [...paths, "/sd.version"]) {
      const answer = await call(proxy.apiUrl, path, { authorization: auth });
      expect(answer.status, path).toBeLessThan(500);
    }
    const token = JSON.parse(
      (
        await call(proxy.origin, "/oauth/v2.0/access_token", {
          method: "POST",
          form: "grant_type=client_credentials&client_id=drift-client&client_secret=drift-secret-77&scope=api.v1.sd.version%3Aget%20api.v1.helpdesks%3Aget",
        })
      ).text,
    ).access_token as string;
    expect(token).toBeTruthy();
    await call(proxy.apiUrl, "/helpdesks", { authorization: `Bearer ${token}` });

    const report = JSON.parse(
      (await call(proxy.origin, "/__proxy/report", { authorization: auth })).text,
    ) as Report;
    const schema = JSON.parse(
      await readFile(new URL("../../proxy-report.schema.json", import.meta.url), "utf8"),
    ) as object;
    const ajv = new Ajv2020({ allErrors: true });
    ajvFormats.default(ajv);
    const valid = ajv.compile(schema);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
    expect((await call(proxy.origin, "/__proxy/report")).status).toBe(401);
    const found = report.operations.flatMap((op) =>
      op.drifts.map((d) => ({ path: op.path, kind: d.kind, at: d.at })),
    );
    expect(found.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(
      [...PLANTED].sort((a, b) => a.kind.localeCompare(b.kind)),
    );
    const version = report.operations.find((op) => op.path === "/sd.version")!;
    expect(version.calls).toBe(2);
    expect(version.drifts[0]).toMatchObject({
      count: 2,
      expected: "string",
      seen: "integer (3 digits)",
    });
    expect(report.operations.find((op) => op.path === "/helpdesks")).toMatchObject({
      calls: 2,
      drifts: [],
    });
    expect(report.totals.drifts).toBe(PLANTED.length);

    const html = (await call(proxy.origin, "/__proxy/report.html", { authorization: auth })).text;
    expect(html).toContain("$.escalation_contact");
    const junitPath = join(dir, "drift.xml");
    await proxy.close();
    const junit = await readFile(junitPath, "utf8");
    expect(junit).toContain('<failure message="3 drifts" type="drift">');

    // Nothing personal and no credential anywhere a report or a log goes.
    const upstreamJournal = JSON.stringify(
      await sandbox.tenant({ username: "drift-checker" }).journal(),
    );
    const logs = JSON.stringify([...log.mock.calls, ...error.mock.calls]);
    const places = { report: JSON.stringify(report), html, junit, upstreamJournal, logs };
    const secrets = [PASSWORD, token, "drift-secret-77", PLANTED_NAME, ...(await personalValues())];
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets)
        expect(text.includes(secret), `${place} holds ${secret}`).toBe(false);
    }
    log.mockRestore();
    error.mockRestore();
  });
});
