// The drift report as a page a person reads: one self-contained HTML file (no scripts, no
// outside resources), grouped by tag and operation, each drift's description claim beside
// what the instance sent. Everything that comes from the report is escaped.
import { escapeMarkup as e } from "./escape.js";
import type { DriftReport, ReportedOperation } from "./report.js";

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d5d9e0}h3{font-size:1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{border:1px solid #d5d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}code{font:13px ui-monospace,monospace}.ok{color:#1a7f37}.drift{color:#b42318}
.summary td:first-child{width:16rem}.muted{color:#5d6778}`;

function operationSection(op: ReportedOperation): string {
  const heading = `<h3><code>${e(op.method)} ${e(op.path)}</code> <span class="muted">${e(op.operationId)} · ${e(op.calls)} call${op.calls === 1 ? "" : "s"}</span></h3>`;
  if (op.drifts.length === 0) return `${heading}<p class="ok">No drift.</p>`;
  const rows = op.drifts
    .map(
      (d) =>
        `<tr><td>${e(d.count)}</td><td>${e(d.kind)}</td><td><code>${e(d.at)}</code></td><td>${e(d.expected)}</td><td>${e(d.seen)}</td><td>${e(d.firstSeen)}<br>${e(d.lastSeen)}</td></tr>`,
    )
    .join("\n");
  return `${heading}<table><thead><tr><th>Count</th><th>Kind</th><th>Where</th><th>The description says</th><th>The instance sent</th><th>First / last seen</th></tr></thead><tbody>
${rows}</tbody></table>`;
}

export function renderReportHtml(report: DriftReport): string {
  const tags = new Map<string, ReportedOperation[]>();
  for (const op of report.operations) tags.set(op.tag, [...(tags.get(op.tag) ?? []), op]);
  const byKind = Object.entries(report.totals.byKind)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([kind, n]) => `${e(kind)} ${e(n ?? 0)}`)
    .join(", ");
  const summary = [
    ["Toolkit", `${report.toolkit.name} ${report.toolkit.version}`],
    ["Description", `${report.description.title} ${report.description.version}`],
    ["Instance version", report.instance.version ?? "not seen (no call to /sd.version)"],
    ...(report.instance.upstream ? [["Instance", report.instance.upstream]] : []),
    ["Generated", report.generatedAt],
    ["Calls", String(report.totals.calls)],
    ["Operations called", String(report.totals.operationsCalled)],
    ["Operations with drift", String(report.totals.operationsWithDrift)],
    ["Values", report.valuesShown ? "shown as sent" : "type and length only"],
  ]
    .map(([name, value]) => `<tr><td>${e(name!)}</td><td>${e(value!)}</td></tr>`)
    .join("\n");
  const sections = [...tags.entries()]
    .map(([tag, ops]) => `<h2>${e(tag)}</h2>\n${ops.map(operationSection).join("\n")}`)
    .join("\n");
  const notCalled =
    report.notCalled.length === 0
      ? ""
      : `<h2>Not called</h2><table><thead><tr><th>Operation</th><th>Why</th></tr></thead><tbody>${report.notCalled
          .map(
            (n) =>
              `<tr><td><code>${e(n.method)} ${e(n.path)}</code></td><td>${e(n.reason)}</td></tr>`,
          )
          .join("\n")}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Drift report: ${e(report.totals.drifts)} drift${report.totals.drifts === 1 ? "" : "s"}</title><style>${STYLE}</style></head>
<body><h1>Where the instance differs from the description</h1>
<p class="${report.totals.drifts === 0 ? "ok" : "drift"}">${e(report.totals.drifts)} drift${report.totals.drifts === 1 ? "" : "s"}${byKind ? `: ${byKind}` : ""}.</p>
<table class="summary"><tbody>${summary}</tbody></table>
${sections}
${notCalled}
</body></html>
`;
}
