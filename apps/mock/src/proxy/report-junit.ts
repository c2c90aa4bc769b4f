// The drift report as JUnit XML, for CI: one test suite per tag, one test case per operation
// called, failing with its drifts listed.
import { escapeMarkup as e } from "./escape.js";
import type { DriftReport, ReportedOperation } from "./report.js";

function testCase(op: ReportedOperation): string {
  const name = `${op.method} ${op.path}`;
  const open = `    <testcase classname="${e(op.tag)}" name="${e(name)}">`;
  if (op.drifts.length === 0) return `${open}</testcase>`;
  const lines = op.drifts
    .map((d) => `${d.kind} at ${d.at}: expected ${d.expected}, saw ${d.seen} (${d.count}x)`)
    .join("\n");
  return `${open}
      <failure message="${e(`${op.drifts.length} drift${op.drifts.length === 1 ? "" : "s"}`)}" type="drift">${e(lines)}</failure>
    </testcase>`;
}

export function renderReportJunit(report: DriftReport): string {
  const tags = new Map<string, ReportedOperation[]>();
  for (const op of report.operations) tags.set(op.tag, [...(tags.get(op.tag) ?? []), op]);
  const suites = [...tags.entries()].map(([tag, ops]) => {
    const failures = ops.filter((op) => op.drifts.length > 0).length;
    return `  <testsuite name="${e(tag)}" tests="${ops.length}" failures="${failures}">
${ops.map(testCase).join("\n")}
  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="sd-toolkit drift" tests="${report.totals.operationsCalled}" failures="${report.totals.operationsWithDrift}">
${suites.join("\n")}
</testsuites>
`;
}
