// Budgets of the reference page. The page size fails the build when over its budget: it only
// grows with the description and the renderer, so crossing it is a decision to take, not
// noise. The render time is printed only: it varies with the machine and its load.

/**
 * Size of index.html (everything, renderer and description included, in one file) that was set
 * for the 154 operations of the manual: 3 MB in decimal units, 3,000,000 bytes (about 2.86 MiB,
 * which `ls -lh` and build-docs' own KiB would show).
 */
export const BASE_PAGE_BUDGET_BYTES = 3_000_000;
export const BASE_OPERATION_COUNT = 154;

/**
 * The page budget for a description with this many operations: 3 MB scaled in proportion to
 * the operations, never more. The renderer is a fixed cost, so a page that grows by its
 * operations alone stays under this line; a page that outgrows it has put on weight elsewhere.
 * @param {number} operations
 * @returns {number} whole bytes
 */
export function pageSizeBudget(operations) {
  if (!Number.isInteger(operations) || operations < 1) {
    throw new Error(
      `pageSizeBudget needs a positive whole number of operations, got ${operations}`,
    );
  }
  return Math.floor((BASE_PAGE_BUDGET_BYTES * operations) / BASE_OPERATION_COUNT);
}

/**
 * @param {number} bytes size of the page as written
 * @param {number} gzipBytes size of the page compressed as a web server would send it
 * @param {number} operations how many operations the page describes
 * @returns {string}
 */
export function pageSizeReport(bytes, gzipBytes, operations) {
  const budget = pageSizeBudget(operations);
  const verdict = bytes <= budget ? "within" : "OVER";
  return (
    `page size: ${megabytes(bytes)} MB = ${mebibytes(bytes)} MiB (${grouped(bytes)} bytes, ` +
    `${verdict} the budget of ${megabytes(budget)} MB = ${grouped(budget)} bytes for ` +
    `${operations} operations), ${megabytes(gzipBytes)} MB gzipped`
  );
}

/**
 * Throws when the page is over its size budget, with the report as the message.
 * @param {number} bytes size of the page as written
 * @param {number} gzipBytes
 * @param {number} operations how many operations the page describes
 */
export function assertPageSize(bytes, gzipBytes, operations) {
  if (bytes > pageSizeBudget(operations)) {
    throw new Error(
      `${pageSizeReport(bytes, gzipBytes, operations)}. Shrink the page, or raise ` +
        "BASE_PAGE_BUDGET_BYTES in src/budgets.js and record why in a new docs/adr/ record.",
    );
  }
}

/** @param {number} bytes */
function grouped(bytes) {
  return bytes.toLocaleString("en-US");
}

/**
 * @param {number} operations how many operations were rendered
 * @param {number} milliseconds from opening the page until the last of them was on screen
 * @param {number} readyMilliseconds from opening the page until it answered to the reader
 * @returns {string}
 */
export function renderTimeReport(operations, milliseconds, readyMilliseconds) {
  return (
    `render time: all ${operations} operations rendered in ${seconds(milliseconds)} s ` +
    `(page ready in ${seconds(readyMilliseconds)} s, then ${(
      (milliseconds - readyMilliseconds) /
      Math.max(operations, 1)
    ).toFixed(0)} ms per operation)`
  );
}

/** @param {number} milliseconds */
function seconds(milliseconds) {
  return (milliseconds / 1000).toFixed(2);
}

/** @param {number} bytes */
function mebibytes(bytes) {
  return (bytes / 1024 / 1024).toFixed(2);
}

/**
 * Decimal megabytes, with three decimals: two would round 2.996 MB up to the budget's 3.00.
 * @param {number} bytes
 */
function megabytes(bytes) {
  return (bytes / 1000 / 1000).toFixed(3);
}

/**
 * Budget of the console's script and styles (dist/console/console.js and console.css), compressed
 * as a web server sends them: 60 kB. The console loads beside the description it reads, so it
 * must stay small next to it; a general validator or framework would cross this line.
 */
export const CONSOLE_BUDGET_GZIP_BYTES = 60_000;

/**
 * @param {number} bytes script and styles as written
 * @param {number} gzipBytes the same, each file compressed
 * @returns {string}
 */
export function consoleSizeReport(bytes, gzipBytes) {
  const verdict = gzipBytes <= CONSOLE_BUDGET_GZIP_BYTES ? "within" : "OVER";
  return (
    `console size: ${grouped(bytes)} bytes (script and styles), ${grouped(gzipBytes)} bytes ` +
    `gzipped, ${verdict} the budget of ${grouped(CONSOLE_BUDGET_GZIP_BYTES)} bytes gzipped`
  );
}

/**
 * Throws when the console's script and styles are over their budget.
 * @param {number} bytes
 * @param {number} gzipBytes
 */
export function assertConsoleSize(bytes, gzipBytes) {
  if (gzipBytes > CONSOLE_BUDGET_GZIP_BYTES) {
    throw new Error(
      `${consoleSizeReport(bytes, gzipBytes)}. Shrink the console, or raise ` +
        "CONSOLE_BUDGET_GZIP_BYTES in src/budgets.js and record why in an ADR.",
    );
  }
}
