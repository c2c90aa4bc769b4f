// Read-only calls to an instance for `verify` and `seed pull`: under the same rate and
// concurrency caps as the proxy, each answer checked against the description and counted in
// a drift log, and its JSON handed back to the caller.
import type { Json, OpenApiDocument } from "../spec/description.js";
import type { Operation, OperationTable } from "../spec/operations.js";
import { createAnswerChecker } from "./check-answer.js";
import { createDriftLog, type DriftLog } from "./drift-log.js";
import { createLimiter } from "./limiter.js";
import { apiUrl } from "./options.js";
import { callUpstream } from "./upstream-call.js";

export type QueryValue = string | number | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;

export interface InstanceAnswer {
  status: number;
  /** The parsed body, or undefined when it is not JSON. */
  json: Json | undefined;
}

export interface InstanceClient {
  get(path: string, query?: Query): Promise<InstanceAnswer>;
  log: DriftLog;
  /** Calls made so far. */
  readonly calls: number;
  /** The `version` of the first good /sd.version answer. */
  readonly instanceVersion: string | null;
}

export interface InstanceClientOptions {
  doc: OpenApiDocument;
  table: OperationTable;
  upstream: URL;
  authorization: string;
  rps: number;
  concurrency: number;
  timeoutMs: number;
  showValues: boolean;
  /** Called after each answer, for progress lines. */
  onCall?: (operation: Operation, status: number) => void;
}

/** PHP's wire form: `name=value`, lists as `name[]=a&name[]=b`. */
export function encodeQuery(query: Query): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const item of value)
        pairs.push(`${encodeURIComponent(`${name}[]`)}=${encodeURIComponent(item)}`);
    } else {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value as string | number)}`);
    }
  }
  return pairs.join("&");
}

export function createInstanceClient(options: InstanceClientOptions): InstanceClient {
  const check = createAnswerChecker(options.doc, { showValues: options.showValues });
  const log = createDriftLog();
  const limiter = createLimiter({ rps: options.rps, concurrency: options.concurrency });
  let calls = 0;
  let instanceVersion: string | null = null;
  return {
    log,
    get calls() {
      return calls;
    },
    get instanceVersion() {
      return instanceVersion;
    },
    async get(path, query = {}) {
      const route = options.table.route(path, "GET");
      if (route.kind !== "found") throw new Error(`No GET ${path} in the description`);
      const { operation } = route;
      calls += 1;
      const answer = await limiter.run(() =>
        callUpstream(
          apiUrl(options.upstream, path, encodeQuery(query)),
          "GET",
          {
            authorization: options.authorization,
            accept: "application/json",
            "accept-encoding": "identity",
          },
          Buffer.alloc(0),
          options.timeoutMs,
        ),
      );
      log.record(
        operation,
        check(operation, {
          status: answer.status,
          contentType: answer.headers["content-type"],
          body: answer.body,
          method: "get",
        }),
      );
      let json: Json | undefined;
      try {
        json = JSON.parse(answer.body.toString("utf8")) as Json;
      } catch {
        json = undefined;
      }
      if (path === "/sd.version" && answer.status === 200 && instanceVersion === null) {
        const version = (json as { version?: unknown } | undefined)?.version;
        if (typeof version === "string") instanceVersion = version.slice(0, 40);
      }
      options.onCall?.(operation, answer.status);
      return { status: answer.status, json };
    },
  };
}
