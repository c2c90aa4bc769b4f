import { describe, expect, it } from "vitest";
import {
  assertPageSize,
  pageSizeBudget,
  pageSizeReport,
  renderTimeReport,
} from "../src/budgets.js";

describe("budgets", () => {
  it("sets 3 MB (decimal) for the manual's 154 operations and grows only in proportion", () => {
    expect(pageSizeBudget(154)).toBe(3_000_000);
    // 176 operations (the manual's and the 22 of the current reference): 3 MB x 176 / 154.
    expect(pageSizeBudget(176)).toBe(3_428_571);
    expect(pageSizeBudget(308)).toBe(6_000_000);
    expect(() => pageSizeBudget(0)).toThrow(/positive whole number of operations, got 0/);
  });

  it("reports the page size in MB and MiB against the budget of its operation count", () => {
    expect(pageSizeReport(2 * 1024 * 1024, 500_000, 154)).toBe(
      "page size: 2.097 MB = 2.00 MiB (2,097,152 bytes, within the budget of 3.000 MB = 3,000,000 bytes for 154 operations), 0.500 MB gzipped",
    );
    expect(pageSizeReport(3_000_000, 1, 154)).toContain("within");
    // 3,040,000 bytes are 2.90 MiB: under 3 MiB, yet over the decimal budget.
    expect(pageSizeReport(3_040_000, 1, 154)).toMatch(
      /^page size: 3\.040 MB = 2\.90 MiB .*OVER the budget of 3\.000 MB/,
    );
    expect(pageSizeReport(3_400_000, 1, 176)).toContain(
      "within the budget of 3.429 MB = 3,428,571 bytes for 176 operations",
    );
  });

  it("fails the build over the page size budget, not at it", () => {
    expect(() => assertPageSize(3_000_000, 1, 154)).not.toThrow();
    expect(() => assertPageSize(3_000_001, 1, 154)).toThrow(
      /OVER the budget of 3\.000 MB.*raise BASE_PAGE_BUDGET_BYTES in src\/budgets\.js and record why in a new docs\/adr\/ record/,
    );
    expect(() => assertPageSize(3_428_572, 1, 176)).toThrow(/OVER the budget of 3\.429 MB/);
  });

  it("reports the render time of all operations", () => {
    expect(renderTimeReport(154, 20_000, 4_600)).toBe(
      "render time: all 154 operations rendered in 20.00 s (page ready in 4.60 s, then 100 ms per operation)",
    );
  });
});
