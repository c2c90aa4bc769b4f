// The drift report as JSON: what `GET /__proxy/report` answers and `verify --report` writes.
// Its shape is described in proxy.openapi.yaml (and proxy-report.schema.json). It is meant to
// be shared: it names the toolkit's version and the instance's, holds no credentials, shows
// values only as type and length unless asked, and leaves the upstream's host out unless asked.
import { isObject, type OpenApiDocument } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import type { DriftKind } from "./drift-kinds.js";
import type { DriftEntry, DriftLog } from "./drift-log.js";
import { toolkitVersion } from "./toolkit-version.js";

export interface ReportedOperation {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  calls: number;
  /** Most frequent first. */
  drifts: DriftEntry[];
}

export interface DriftReport {
  toolkit: { name: "@sd-toolkit/mock"; version: string };
  description: { title: string; version: string };
  instance: { version: string | null; upstream?: string };
  generatedAt: string;
  valuesShown: boolean;
  totals: {
    calls: number;
    operationsCalled: number;
    operationsWithDrift: number;
    drifts: number;
    byKind: Partial<Record<DriftKind, number>>;
  };
  operations: ReportedOperation[];
  /** Operations `verify` could not call, and why (the proxy leaves this empty). */
  notCalled: Array<{ operationId: string; method: string; path: string; reason: string }>;
}

export interface ReportContext {
  doc: OpenApiDocument;
  log: DriftLog;
  instanceVersion: string | null;
  valuesShown: boolean;
  /** Set only when the user asked for the host to be named. */
  upstream?: string | undefined;
  notCalled?: DriftReport["notCalled"];
  now?: Date;
}

/** The first tag of each operation, as the reference site groups them. */
export function operationTag(doc: OpenApiDocument, operation: Operation): string {
  const item = doc.paths[operation.path];
  const raw = isObject(item) ? item[operation.method] : undefined;
  const tags = isObject(raw) ? raw["tags"] : undefined;
  return Array.isArray(tags) && typeof tags[0] === "string" ? tags[0] : "Untagged";
}

export function buildReport(context: ReportContext): DriftReport {
  const { doc, log } = context;
  const info = isObject(doc["info"]) ? doc["info"] : {};
  const operations: ReportedOperation[] = log
    .operations()
    .map((entry) => ({
      operationId: entry.operation.operationId,
      method: entry.operation.method.toUpperCase(),
      path: entry.operation.path,
      tag: operationTag(doc, entry.operation),
      calls: entry.calls,
      drifts: [...entry.drifts.values()].sort(
        (a, b) => b.count - a.count || a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind),
      ),
    }))
    .sort((a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path));
  const totals = log.totals();
  return {
    toolkit: { name: "@sd-toolkit/mock", version: toolkitVersion() },
    description: {
      title: typeof info["title"] === "string" ? info["title"] : "",
      version: typeof info["version"] === "string" ? info["version"] : "",
    },
    instance: {
      version: context.instanceVersion,
      ...(context.upstream ? { upstream: context.upstream } : {}),
    },
    generatedAt: (context.now ?? new Date()).toISOString(),
    valuesShown: context.valuesShown,
    totals: {
      calls: totals.calls,
      operationsCalled: operations.length,
      operationsWithDrift: operations.filter((o) => o.drifts.length > 0).length,
      drifts: totals.drifts,
      byKind: totals.byKind,
    },
    operations,
    notCalled: context.notCalled ?? [],
  };
}
