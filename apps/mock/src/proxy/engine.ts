// The proxy engine: every validated call goes on to a real instance with the caller's own
// credentials, its answer comes back unchanged (status, bytes, content type), and every way
// the answer differs from the description is counted in the drift report. Reads only unless
// writes are allowed, under the rate and concurrency caps.
import { writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import type { OpenApiDocument } from "../spec/description.js";
import type { AnswerEngine, ApiCall, MockAnswer, WireRequest } from "../spec/engine.js";
import type { Operation } from "../spec/operations.js";
import type { Problem } from "../spec/problem.js";
import { createAnswerChecker } from "./check-answer.js";
import { createDriftLog } from "./drift-log.js";
import { createLimiter } from "./limiter.js";
import { apiUrl, tokenUrl, type ProxyOptions } from "./options.js";
import { buildReport, type DriftReport } from "./report.js";
import { renderReportHtml } from "./report-html.js";
import { renderReportJunit } from "./report-junit.js";
import {
  callUpstream,
  forwardedHeaders,
  UpstreamError,
  upstreamName,
  type UpstreamAnswer,
} from "./upstream-call.js";

export const PROXY_BASE = "/__proxy";

export interface ProxyEngine extends AnswerEngine {
  report(): DriftReport;
}

/** Headers that describe one connection, not the answer; Node sets its own. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "upgrade",
  "proxy-authenticate",
  "trailer",
  // A session cookie is a credential: the caller authenticates with its own, every call.
  "set-cookie",
]);

function answerHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const READS = new Set(["get", "head"]);

function writeRefused(operation: Operation): Problem {
  return {
    status: 403,
    title: "Write not forwarded",
    detail: `The proxy sends only reads to the instance; ${operation.method.toUpperCase()} ${operation.path} would change it. Start the proxy with --allow-writes to forward writes.`,
  };
}

function upstreamProblem(error: UpstreamError): Problem {
  return {
    status: error.status,
    title: error.status === 504 ? "Upstream did not answer in time" : "Upstream unreachable",
    detail: error.message,
  };
}

function jsonAnswer(status: number, body: unknown): MockAnswer {
  return { status, headers: { "content-type": "application/json" }, body };
}

export function createProxyEngine(doc: OpenApiDocument, options: ProxyOptions): ProxyEngine {
  const check = createAnswerChecker(doc, { showValues: options.reportValues });
  const log = createDriftLog();
  const limiter = createLimiter({ rps: options.rps, concurrency: options.concurrency });
  let instanceVersion: string | null = null;

  const send = (url: URL, wire: WireRequest) =>
    limiter.run(() =>
      callUpstream(
        url,
        wire.method,
        forwardedHeaders(wire.headers, wire.body),
        wire.body,
        options.timeoutMs,
      ),
    );

  const noteVersion = (operation: Operation, answer: UpstreamAnswer) => {
    if (operation.path !== "/sd.version" || answer.status !== 200) return;
    try {
      const body = JSON.parse(answer.body.toString("utf8")) as { version?: unknown };
      if (typeof body.version === "string") instanceVersion = body.version.slice(0, 40);
    } catch {
      // Not JSON: the drift report already says so.
    }
  };

  const report = () =>
    buildReport({
      doc,
      log,
      instanceVersion,
      valuesShown: options.reportValues,
      upstream: options.reportUpstream ? upstreamName(options.upstream) : undefined,
    });

  return {
    answersInvalidCalls: options.forwardInvalid,
    handles: () => true,
    report,

    async answer(call: ApiCall): Promise<MockAnswer | Problem> {
      const { operation, wire } = call;
      if (!READS.has(operation.method) && !options.allowWrites) return writeRefused(operation);
      let answer: UpstreamAnswer;
      try {
        answer = await send(apiUrl(options.upstream, wire.path, wire.rawQuery), wire);
      } catch (error) {
        if (error instanceof UpstreamError) return upstreamProblem(error);
        throw error;
      }
      log.record(
        operation,
        check(operation, {
          status: answer.status,
          contentType: answer.headers["content-type"],
          body: answer.body,
          method: wire.method.toLowerCase(),
        }),
      );
      noteVersion(operation, answer);
      return { status: answer.status, headers: answerHeaders(answer.headers), body: answer.body };
    },

    async answerTokenRequest(wire) {
      try {
        const answer = await send(tokenUrl(options.upstream), wire);
        return { status: answer.status, headers: answerHeaders(answer.headers), body: answer.body };
      } catch (error) {
        if (error instanceof UpstreamError) return upstreamProblem(error);
        throw error;
      }
    },

    answerOwnRoute(method, pathname) {
      if (pathname !== PROXY_BASE && !pathname.startsWith(`${PROXY_BASE}/`)) return undefined;
      const route = pathname.slice(PROXY_BASE.length);
      if (route !== "/report" && route !== "/report.html") {
        return Promise.resolve(
          jsonAnswer(404, {
            error: `No proxy route ${pathname}; there are ${PROXY_BASE}/report and ${PROXY_BASE}/report.html.`,
            status: 404,
          }),
        );
      }
      if (method !== "GET" && method !== "HEAD") {
        return Promise.resolve({
          ...jsonAnswer(405, { error: `${pathname} takes GET only.`, status: 405 }),
          headers: { "content-type": "application/json", allow: "GET, HEAD" },
        });
      }
      const current = report();
      return Promise.resolve(
        route === "/report"
          ? jsonAnswer(200, current)
          : {
              status: 200,
              headers: {
                "content-type": "text/html; charset=utf-8",
                // The page is self-contained: nothing outside it may load or run.
                "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
              },
              body: renderReportHtml(current),
            },
      );
    },

    async close() {
      if (options.junitPath) await writeFile(options.junitPath, renderReportJunit(report()));
    },
  };
}
