import { describe, expect, it } from "vitest";
import {
  assertPageSize,
  PAGE_SIZE_BUDGET_BYTES,
  pageSizeReport,
  renderTimeReport,
} from "../src/budgets.js";

describe("budgets", () => {
  it("reports the page size in MB and MiB against the budget of 3 MB (decimal)", () => {
    expect(PAGE_SIZE_BUDGET_BYTES).toBe(3_000_000);
    expect(pageSizeReport(2 * 1024 * 1024, 500_000)).toBe(
      "page size: 2.097 MB = 2.00 MiB (2,097,152 bytes, within the budget of 3.000 MB = 3,000,000 bytes), 0.500 MB gzipped",
    );
    expect(pageSizeReport(3_000_000, 1)).toContain("within");
    // 3,040,000 bytes are 2.90 MiB: under 3 MiB, yet over the decimal budget.
    expect(pageSizeReport(3_040_000, 1)).toMatch(
      /^page size: 3\.040 MB = 2\.90 MiB .*OVER the budget of 3\.000 MB/,
    );
  });

  it("fails the build over the page size budget, not at it", () => {
    expect(() => assertPageSize(PAGE_SIZE_BUDGET_BYTES, 1)).not.toThrow();
    expect(() => assertPageSize(PAGE_SIZE_BUDGET_BYTES + 1, 1)).toThrow(
      /OVER the budget of 3\.000 MB.*raise PAGE_SIZE_BUDGET_BYTES/,
    );
  });

  it("reports the render time of all operations", () => {
    expect(renderTimeReport(154, 20_000, 4_600)).toBe(
      "render time: all 154 operations rendered in 20.00 s (page ready in 4.60 s, then 100 ms per operation)",
    );
  });
});
