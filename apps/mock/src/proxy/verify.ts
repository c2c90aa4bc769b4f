// `verify`: a read-only crawl of an instance. Every GET operation of the description that
// earlier answers can fill is called (within the call budget and the rate caps), each answer
// is checked for drift, and the result is the same report the proxy serves, with the
// operations that were not called and why.
import type { OpenApiDocument } from "../spec/description.js";
import type { OperationTable } from "../spec/operations.js";
import { CRAWL_PLAN, NOT_CRAWLED, type CrawlStep, type Pools } from "./crawl-plan.js";
import { harvestIds, harvestStrings } from "./harvest.js";
import type { InstanceClient } from "./instance-client.js";
import { buildReport, type DriftReport } from "./report.js";
import { UpstreamError } from "./upstream-call.js";

/** How many requests of the sample get their comments, approvals, tasks, ... read. */
export const REQUEST_SAMPLE = 5;

export interface CrawlOptions {
  doc: OpenApiDocument;
  table: OperationTable;
  client: InstanceClient;
  maxCalls: number;
  showValues: boolean;
  upstream?: string | undefined;
}

/** The first call (the version) failed: the instance cannot be checked at all. */
export class CrawlRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CrawlRefused";
  }
}

function stepCalls(step: CrawlStep, pools: Pools): number {
  if (!step.perRequest) return 1;
  return Math.min(REQUEST_SAMPLE, pools.get("request")?.length ?? 0);
}

export async function crawl(options: CrawlOptions): Promise<DriftReport> {
  const { client, table } = options;
  const pools: Pools = new Map();
  const notCalled = new Map<string, string>();
  const planned = new Set(CRAWL_PLAN.map((step) => step.path));

  for (const step of CRAWL_PLAN) {
    if (table.route(step.path, "GET").kind !== "found") continue;
    const missing = (step.needs ?? []).filter((pool) => (pools.get(pool)?.length ?? 0) === 0);
    if (missing.length > 0) {
      notCalled.set(step.path, `no ${missing.join(", ")} id in earlier answers to fill it`);
      continue;
    }
    const calls = stepCalls(step, pools);
    if (client.calls + calls > options.maxCalls) {
      notCalled.set(step.path, `the call budget (--max-calls ${options.maxCalls}) ran out`);
      continue;
    }
    const sample = step.perRequest
      ? (pools.get("request") ?? []).slice(0, REQUEST_SAMPLE)
      : [undefined];
    for (const request of sample) {
      const pick = (pool: string, count = 1) =>
        (pool === "request" && request !== undefined ? [request] : (pools.get(pool) ?? [])).slice(
          0,
          count,
        );
      let answer;
      try {
        answer = await client.get(step.path, step.query?.(pick) ?? {});
      } catch (error) {
        // Without the first answer there is nothing to check; later, one slow operation
        // must not hide the rest.
        if (step.path === "/sd.version" || !(error instanceof UpstreamError)) throw error;
        notCalled.set(step.path, error.message);
        continue;
      }
      if (step.path === "/sd.version" && (answer.status === 401 || answer.status === 403)) {
        throw new CrawlRefused(
          `The instance refused the credentials (status ${answer.status} on /sd.version); check them.`,
        );
      }
      if (answer.status !== 200) continue;
      for (const [pool, source] of Object.entries(step.fills ?? {})) {
        const found =
          typeof source !== "string"
            ? harvestIds(answer.json, source.field, source.where)
            : source === "username"
              ? harvestStrings(answer.json, source)
              : harvestIds(answer.json, source);
        pools.set(pool, [...new Set([...(pools.get(pool) ?? []), ...found])]);
      }
    }
  }

  const called = new Set(client.log.operations().map((entry) => entry.operation.path));
  const list = table.operations
    .filter((op) => op.method === "get" && !called.has(op.path))
    .map((op) => ({
      operationId: op.operationId,
      method: "GET",
      path: op.path,
      reason:
        notCalled.get(op.path) ??
        NOT_CRAWLED[op.path] ??
        (planned.has(op.path) ? "not reached" : "not in the crawl plan yet"),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return buildReport({
    doc: options.doc,
    log: client.log,
    instanceVersion: client.instanceVersion,
    valuesShown: options.showValues,
    upstream: options.upstream,
    notCalled: list,
  });
}
