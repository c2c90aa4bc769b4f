// The report's page and JUnit file escape whatever came from an instance: a field name made of
// markup shows as text and cannot become an element.
import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/spec/operations.js";
import type { OpenApiDocument } from "../../src/spec/description.js";
import { createDriftLog } from "../../src/proxy/drift-log.js";
import { buildReport } from "../../src/proxy/report.js";
import { renderReportHtml } from "../../src/proxy/report-html.js";
import { renderReportJunit } from "../../src/proxy/report-junit.js";

const operation = { method: "get", path: "/thing", operationId: "getThing" } as Operation;
const doc = {
  info: { title: "t", version: "1" },
  paths: { "/thing": { get: { tags: ["Things & <stuff>"] } } },
} as unknown as OpenApiDocument;

function report() {
  const log = createDriftLog(() => new Date("2026-12-07T10:00:00Z"));
  log.record(operation, [
    {
      kind: "undocumented-field",
      at: '$["<img src=x onerror=alert(1)>"]',
      expected: "not described",
      seen: "string (3 chars)",
    },
  ]);
  return buildReport({ doc, log, instanceVersion: '7.4"<b>', valuesShown: false });
}

describe("the rendered report", () => {
  it("escapes every value in the HTML page", () => {
    const html = renderReportHtml(report());
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Things &amp; &lt;stuff&gt;");
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it("escapes every value in the JUnit XML", () => {
    const xml = renderReportJunit(report());
    expect(xml).not.toContain("<img");
    expect(xml).toContain('classname="Things &amp; &lt;stuff&gt;"');
    expect(xml).toContain('<failure message="1 drift" type="drift">');
  });
});
