// `verify` against in-process upstreams: the sandbox (no drift: exit 0, within --max-calls,
// every GET it can fill called, the rest listed with why) and the drifting upstream (exit 1,
// the planted drifts listed). Usage and connection errors exit 2.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVerify } from "../../src/commands/verify.js";
import { loadDescription } from "../../src/spec/description.js";
import { indexOperations } from "../../src/spec/operations.js";
import { startMock, type RunningMock } from "../../src/index.js";
import { CRAWL_PLAN, NOT_CRAWLED } from "../../src/proxy/crawl-plan.js";
import type { DriftReport } from "../../src/proxy/report.js";
import { PLANTED, startDriftingUpstream } from "../support/drifting-upstream.js";
import { PASSWORD, startUpstream, type TestUpstream } from "../support/proxy-helpers.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";

let sandbox: RunningMock;
let drifting: TestUpstream;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "verify-"));
  sandbox = await startMock({ memory: true });
  drifting = await startDriftingUpstream(sandbox.apiUrl);
});
afterAll(async () => {
  await drifting?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function verify(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerify(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
    specPath: BUNDLE_SPEC,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const fast = ["--upstream-rps", "1000", "--upstream-concurrency", "8"];

/**
 * Where the sandbox and the description disagree, found by this crawl: a real finding is
 * listed here rather than hidden, until the description (or the sandbox) is fixed. None today:
 * the last one, the soft refusal of GET /wf.initialfields.by.category for a category no
 * workflow starts from, is now described.
 */
const SANDBOX_FINDINGS: string[] = [];

describe("verify", () => {
  it("exits 0 against the sandbox, calls every GET it can fill, and lists the rest with why", async () => {
    const reportFile = join(dir, "sandbox.json");
    const run = await verify([
      "--upstream",
      sandbox.apiUrl,
      "--username",
      "verify-user",
      "--password",
      PASSWORD,
      "--report",
      reportFile,
      "--max-calls",
      "300",
      ...fast,
    ]);
    const report = JSON.parse(await readFile(reportFile, "utf8")) as DriftReport;
    const drifts = report.operations.flatMap((op) =>
      op.drifts.map((d) => `${op.path} ${d.kind} ${d.at}`),
    );
    expect(drifts.sort()).toEqual(SANDBOX_FINDINGS);
    expect(run.code, run.out).toBe(SANDBOX_FINDINGS.length === 0 ? 0 : 1);
    expect(report.totals.calls).toBeLessThanOrEqual(300);
    // Progress went to stderr as the crawl went.
    expect(run.err).toContain("GET /sd.version -> 200");
    expect(run.out).toMatch(/Operations called\s+\d+/);

    const doc = await loadDescription(BUNDLE_SPEC);
    const gets = indexOperations(doc)
      .operations.filter((op) => op.method === "get")
      .map((op) => op.path);
    const called = new Set(report.operations.map((op) => op.path));
    const skipped = new Map(report.notCalled.map((n) => [n.path, n.reason]));
    // Every planned step was called against the sandbox; the others are listed, each with why.
    for (const step of CRAWL_PLAN) {
      if (gets.includes(step.path))
        expect(called.has(step.path), `${step.path}: ${skipped.get(step.path)}`).toBe(true);
    }
    for (const path of gets) {
      expect(called.has(path) || skipped.has(path), path).toBe(true);
      if (!called.has(path)) expect(skipped.get(path), path).toBe(NOT_CRAWLED[path]);
    }
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it("stays within --max-calls and says what the budget left out", async () => {
    const run = await verify([
      "--upstream",
      sandbox.apiUrl,
      "--username",
      "budget",
      "--password",
      "x",
      "--max-calls",
      "10",
      ...fast,
    ]);
    expect(run.err.match(/^verify: \[\d+\]/gm)).toHaveLength(10);
    expect(run.out).toContain("the call budget (--max-calls 10) ran out");
  });

  it("exits 1 against the drifting upstream and lists the planted drifts", async () => {
    const html = join(dir, "drift.html");
    const run = await verify([
      "--upstream",
      drifting.api,
      "--username",
      "verify-drift",
      "--password",
      PASSWORD,
      "--html",
      html,
      ...fast,
    ]);
    expect(run.code, run.out).toBe(1);
    for (const planted of PLANTED)
      expect(run.out).toContain(`GET ${planted.path}  ${planted.kind} ${planted.at}`);
    expect(run.out).toMatch(new RegExp(`Drifts\\s+${PLANTED.length + SANDBOX_FINDINGS.length}\\n`));
    expect(await readFile(html, "utf8")).toContain("missing-required");
  });

  it("exits 2 on a usage error and on an instance it cannot reach", async () => {
    expect((await verify(["--username", "a", "--password", "b"])).code).toBe(2);
    expect((await verify(["--upstream", sandbox.apiUrl])).code).toBe(2);
    expect((await verify(["--upstream", sandbox.apiUrl, "--bogus"])).code).toBe(2);
    const gone: TestUpstream = await startUpstream(() => undefined);
    await gone.close();
    const unreachable = await verify([
      "--upstream",
      gone.api,
      "--username",
      "a",
      "--password",
      "b",
    ]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain("cannot be reached");
  });
});
