// `sd-toolkit-mock verify`: a read-only crawl of an instance that prints a summary table and
// exits 0 with no drift, 1 with drift, 2 on a usage or connection error. The report can be
// written as JSON, HTML and JUnit XML.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CRAWL_PLAN } from "../proxy/crawl-plan.js";
import type { DriftReport } from "../proxy/report.js";
import { renderReportHtml } from "../proxy/report-html.js";
import { renderReportJunit } from "../proxy/report-junit.js";
import { UpstreamError, upstreamName } from "../proxy/upstream-call.js";
import { crawl, CrawlRefused } from "../proxy/verify.js";
import {
  INSTANCE_OPTIONS,
  instanceFlags,
  readFlags,
  UsageError,
  wholeNumberFlag,
  type CommandIo,
} from "./instance-flags.js";
import { openInstanceSession } from "./instance-session.js";

export const VERIFY_HELP = `sd-toolkit-mock verify --upstream URL (--username U --password P | --client-id C --client-secret S) [options]

Calls every GET operation it can fill from earlier answers (reads only), checks each answer
against the description, prints a summary and exits 0 (no drift), 1 (drift) or 2 (usage or
connection error).

  --report FILE.json      write the drift report as JSON (shareable: no credentials, no hosts)
  --html FILE             write the report as an HTML page
  --junit FILE            write the report as JUnit XML
  --max-calls N           at most N calls (300)
  --upstream-rps N        at most N calls started per second (5)
  --upstream-concurrency N  at most N calls at once (4)
  --upstream-timeout T    how long each call may take (30s)
  --report-values         show the values seen in the report (type and length only by default)
  --report-upstream       name the instance's host in the report
  SD_PASSWORD, SD_CLIENT_SECRET  the secret, when it should stay off the command line`;

const OPTIONS = {
  ...INSTANCE_OPTIONS,
  report: { type: "string" },
  html: { type: "string" },
  junit: { type: "string" },
  "max-calls": { type: "string" },
  "report-values": { type: "boolean" },
  "report-upstream": { type: "boolean" },
} as const;

function summary(report: DriftReport): string[] {
  const { totals } = report;
  const rows: Array<[string, string | number]> = [
    ["Instance version", report.instance.version ?? "unknown"],
    ["Calls", totals.calls],
    ["Operations called", totals.operationsCalled],
    ["Operations with drift", totals.operationsWithDrift],
    ["Operations not called", report.notCalled.length],
    ["Drifts", totals.drifts],
    ...Object.entries(totals.byKind)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([kind, n]): [string, number] => [`  ${kind}`, n ?? 0]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
  const drifted = report.operations.filter((op) => op.drifts.length > 0);
  if (drifted.length > 0) {
    lines.push("", "Drift:");
    for (const op of drifted) {
      for (const d of op.drifts) {
        lines.push(
          `  ${op.method} ${op.path}  ${d.kind} ${d.at}: the description says ${d.expected}, the instance sent ${d.seen} (${d.count}x)`,
        );
      }
    }
  }
  if (report.notCalled.length > 0) {
    lines.push("", "Not called:");
    for (const n of report.notCalled) lines.push(`  ${n.method} ${n.path}: ${n.reason}`);
  }
  return lines;
}

export async function runVerify(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const values = readFlags(argv, OPTIONS);
    if (values.help) {
      io.out(VERIFY_HELP);
      return 0;
    }
    const flags = instanceFlags(values, io.env);
    const maxCalls = wholeNumberFlag("max-calls", values["max-calls"], 300, 1);
    let done = 0;
    const { doc, table, client } = await openInstanceSession(flags, io, {
      showValues: values["report-values"] === true,
      onCall: (operation, status) => {
        done += 1;
        io.err(`verify: [${done}] GET ${operation.path} -> ${status}`);
      },
    });
    io.err(
      `verify: crawling ${upstreamName(flags.upstream)} (${CRAWL_PLAN.length} steps, at most ${maxCalls} calls, ${flags.rps}/s)`,
    );
    const report = await crawl({
      doc,
      table,
      client,
      maxCalls,
      showValues: values["report-values"] === true,
      upstream: values["report-upstream"] === true ? upstreamName(flags.upstream) : undefined,
    });
    for (const line of summary(report)) io.out(line);
    const writes: Array<[string | undefined, string]> = [
      [values.report, `${JSON.stringify(report, null, 2)}\n`],
      [values.html, renderReportHtml(report)],
      [values.junit, renderReportJunit(report)],
    ];
    for (const [file, text] of writes) if (file) await writeFile(resolve(file), text);
    return report.totals.drifts > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`verify: ${error.message}\n\n${VERIFY_HELP}`);
      return 2;
    }
    if (error instanceof UpstreamError || error instanceof CrawlRefused) {
      io.err(`verify: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
