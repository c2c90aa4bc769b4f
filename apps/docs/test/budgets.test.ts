import { describe, expect, it } from "vitest";
import { PAGE_SIZE_BUDGET_BYTES, pageSizeReport, renderTimeReport } from "../src/budgets.js";

describe("budgets", () => {
  it("reports the page size against the 3 MiB target", () => {
    expect(PAGE_SIZE_BUDGET_BYTES).toBe(3 * 1024 * 1024);
    expect(pageSizeReport(2 * 1024 * 1024, 500_000)).toMatch(
      /^page size: 2\.00 MiB = 2\.10 MB \(within the budget of 3\.00 MiB\), 0\.50 MB gzipped$/,
    );
    expect(pageSizeReport(PAGE_SIZE_BUDGET_BYTES + 1, 1)).toContain("OVER");
  });

  it("reports the render time of all operations", () => {
    expect(renderTimeReport(154, 20_000, 4_600)).toBe(
      "render time: all 154 operations rendered in 20.00 s (page ready in 4.60 s, then 100 ms per operation)",
    );
  });
});
