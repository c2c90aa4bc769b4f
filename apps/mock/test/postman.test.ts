// The Postman collection built by the docs (apps/docs/dist/postman.json), run by newman as a
// Postman user runs it: every request in the collection's order, against a fresh mock, under a
// credential of its own (in the sandbox mode, a fresh tenant). Every operation of the bundle
// must have a request; at least 95% of them must answer 2xx, and the ones that do not must be
// exactly the exceptions the docs list with their reason (guides/postman-exceptions.json); the
// collection's own test scripts must pass on every other request. Then `GET /postman.json`
// serves the collection, as `npm start` does.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import newman, { type Execution, type Summary } from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE, readConfig } from "../src/front/config.js";
import { loadDescription } from "../src/spec/description.js";
import { indexOperations } from "../src/spec/operations.js";
import { BUNDLE_SPEC, startMock, type RunningMock } from "./support/start-mock.js";

/** The mode of the mock the collection runs against: the sandbox, as integrators use it. */
const MODE: "examples" | "sandbox" = "sandbox";
/** Share of the requests that must answer 2xx. */
const MIN_2XX_SHARE = 0.95;

const DOCS_DIST = readConfig([], {}).docsDir;
const COLLECTION_PATH = join(DOCS_DIST, "postman.json");
const EXCEPTIONS_PATH = join(
  dirname(createRequire(import.meta.url).resolve("@sd-toolkit/docs/package.json")),
  "guides/postman-exceptions.json",
);

interface Exception {
  /** `METHOD /endpoint` */
  request: string;
  reason: string;
  /**
   * `status` (the default): the request does not answer 2xx. `refused`: it answers 2xx, but the
   * write is refused by a business rule (`status: "ERROR"`) because of what ran before it.
   */
  kind?: "status" | "refused";
}

const collection = JSON.parse(readFileSync(COLLECTION_PATH, "utf8"));
const exceptions: Exception[] = exceptionsOf(MODE);

const operations = indexOperations(await loadDescription(BUNDLE_SPEC)).operations;

/** The requests the docs expect not to answer 2xx in a mode; a mode must have its list. */
function exceptionsOf(mode: string): Exception[] {
  const listed: Record<string, Exception[] | undefined> = JSON.parse(
    readFileSync(EXCEPTIONS_PATH, "utf8"),
  );
  const list = listed[mode];
  if (!Array.isArray(list)) {
    throw new Error(
      `${EXCEPTIONS_PATH} lists no exceptions for the ${mode} mode: add "${mode}": [] ` +
        "(or the requests expected not to answer 2xx, each with its reason)",
    );
  }
  return list;
}

/** `METHOD /endpoint`, the endpoint without the API's base path. */
const keyOf = (execution: Execution) =>
  `${execution.request.method.toUpperCase()} ${execution.request.url.getPath().replace(API_BASE, "")}`;
const answered2xx = (execution: Execution) =>
  execution.response !== undefined &&
  execution.response.code >= 200 &&
  execution.response.code < 300;

/** Request items of the collection in order, as newman walks them. */
function itemsInOrder(container: { item?: any[] }): Array<{ id: string; name: string }> {
  return (container.item ?? []).flatMap((item) => (item.request ? [item] : itemsInOrder(item)));
}

/** A fresh mock in the given mode. */
async function startMockIn(mode: typeof MODE): Promise<RunningMock> {
  return startMock({ specPath: BUNDLE_SPEC, mode, memory: true });
}

function runCollection(apiUrl: string): Promise<Summary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection,
        envVar: [
          { key: "baseUrl", value: apiUrl },
          // A user name of its own: in the sandbox mode, each credential is a fresh tenant.
          { key: "username", value: `postman-run-${randomUUID()}` },
          { key: "password", value: "postman-run" },
        ],
        reporters: [],
        // Bounds that only a hang reaches, not a slow machine.
        timeoutRequest: 60_000,
        timeoutScript: 60_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

describe(`the Postman collection, run by newman against the mock (${MODE} mode)`, () => {
  let run: RunningMock;
  let executions: Execution[];

  beforeAll(async () => {
    run = await startMockIn(MODE);
    executions = (await runCollection(run.api)).run.executions;
  }, 300_000);

  afterAll(async () => {
    await run?.mock.close();
  });

  it("runs one request per operation of the bundle, in the collection's order", () => {
    expect(executions.map((execution) => execution.item.id)).toEqual(
      itemsInOrder(collection).map((item) => item.id),
    );
    const sent = executions.map(keyOf).sort();
    const described = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    expect(sent).toEqual(described);
  });

  it(`answers 2xx to at least ${MIN_2XX_SHARE * 100}% of the requests, the others being the listed exceptions`, () => {
    const failed = executions.filter((execution) => !answered2xx(execution));
    const report = failed.map(
      (execution) =>
        `${keyOf(execution)}: ${execution.response?.code ?? execution.requestError?.message} ` +
        `${execution.response?.stream?.toString("utf8").slice(0, 200) ?? ""}`,
    );
    console.log(
      `newman (${MODE} mode): ${executions.length} requests, ` +
        `${executions.length - failed.length} answered 2xx` +
        (report.length > 0 ? `; not 2xx:\n${report.join("\n")}` : ""),
    );
    expect(failed.map(keyOf).sort(), report.join("\n")).toEqual(
      exceptions
        .filter((exception) => (exception.kind ?? "status") === "status")
        .map((exception) => exception.request)
        .sort(),
    );
    expect((executions.length - failed.length) / executions.length).toBeGreaterThanOrEqual(
      MIN_2XX_SHARE,
    );
  });

  it("passes the collection's test scripts on every request but the listed exceptions", () => {
    const excepted = new Set(exceptions.map((exception) => exception.request));
    // A listed refusal must still happen: a stale entry would hide a request that now passes.
    const refused = executions
      .filter((execution) =>
        (execution.assertions ?? []).some((assertion) => assertion.error !== undefined),
      )
      .map(keyOf)
      .sort();
    expect(refused).toEqual(
      exceptions
        .filter((exception) => exception.kind === "refused")
        .map((exception) => exception.request)
        .sort(),
    );
    const failures = executions.flatMap((execution) =>
      excepted.has(keyOf(execution))
        ? []
        : (execution.assertions ?? [])
            .filter((assertion) => assertion.error || assertion.skipped)
            .map(
              (assertion) =>
                `${keyOf(execution)}: ${assertion.assertion}: ${assertion.error?.message ?? "skipped"}`,
            ),
    );
    expect(failures).toEqual([]);
    // Every request ran its script: the HTTP status check, and for writes the envelope check.
    for (const execution of executions) {
      const names = execution.assertions?.map((assertion) => assertion.assertion) ?? [];
      expect(names, keyOf(execution)).toContain("answers HTTP 200");
      expect(names, keyOf(execution)).toHaveLength(execution.request.method === "GET" ? 1 : 2);
    }
  });
});

describe("GET /postman.json", () => {
  it("serves the collection the docs built, next to the reference site", async () => {
    const run = await startMock({ specPath: BUNDLE_SPEC, docsDir: DOCS_DIST });
    try {
      const response = await fetch(`${run.root}/postman.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      const served = await response.json();
      expect(served.info.schema).toBe(
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
      );
      expect(itemsInOrder(served)).toHaveLength(operations.length);
    } finally {
      await run.mock.close();
    }
  });
});
