// The console in the built site: a Try it link in every operation, the files in dist/console,
// a policy that lets nothing but the call leave, and the size budget.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { assertConsoleSize, CONSOLE_BUDGET_GZIP_BYTES, consoleSizeReport } from "../src/budgets.js";
import { consoleHref, withTryItLinks } from "../src/console/try-it-links.js";
import { listOperations } from "../src/openapi/operations.js";
import { loadBundle } from "./support/bundle.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "console");

describe("withTryItLinks", () => {
  it("links every operation to its console, on a copy", () => {
    const bundle = loadBundle();
    const linked = withTryItLinks(bundle);
    for (const { operation, operationId } of listOperations(linked)) {
      expect(operation.description).toMatch(
        new RegExp(`^\\[Try it in the console\\]\\(console/#${operationId}\\)`),
      );
    }
    expect(JSON.stringify(bundle)).not.toContain("Try it in the console");
    expect(consoleHref("getIncident")).toBe("console/#getIncident");
  });
});

describe("the built console", () => {
  it("is in dist/console, within its budget", () => {
    for (const file of ["index.html", "console.js", "console.css"])
      expect(existsSync(join(dist, file)), file).toBe(true);
    const gzipped = ["console.js", "console.css"]
      .map((file) => gzipSync(readFileSync(join(dist, file))).length)
      .reduce((sum, size) => sum + size, 0);
    expect(gzipped).toBeLessThanOrEqual(CONSOLE_BUDGET_GZIP_BYTES);
  });

  it("loads nothing from another host, and its policy allows only this site and the call", () => {
    const html = readFileSync(join(dist, "index.html"), "utf8");
    expect(html).toContain(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' http: https:",
    );
    const script = readFileSync(join(dist, "console.js"), "utf8");
    const urls = [...`${html}\n${script}`.matchAll(/https?:\/\/[^\s"'`)<]+/g)].map(([url]) => url);
    expect(urls.filter((url) => !url.startsWith("http://127.0.0.1:4010/"))).toEqual([]);
  });
});

describe("console budget", () => {
  it("reports and enforces 60 kB gzipped for the script and styles", () => {
    expect(consoleSizeReport(30_000, 11_000)).toBe(
      "console size: 30,000 bytes (script and styles), 11,000 bytes gzipped, within the budget of 60,000 bytes gzipped",
    );
    expect(() => assertConsoleSize(200_000, 60_000)).not.toThrow();
    expect(() => assertConsoleSize(200_000, 60_001)).toThrow(/OVER the budget of 60,000 bytes/);
  });
});
