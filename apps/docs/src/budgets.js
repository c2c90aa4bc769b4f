// Budgets of the reference page. The page size fails the build when over its budget: it only
// grows with the description and the renderer, so crossing it is a decision to take, not
// noise. The render time is printed only: it varies with the machine and its load.

/**
 * Target size of index.html: everything, renderer and description included, in one file.
 * 3 MB in decimal units, 3,000,000 bytes (about 2.86 MiB, which `ls -lh` and build-docs' own
 * KiB would show).
 */
export const PAGE_SIZE_BUDGET_BYTES = 3_000_000;

/**
 * @param {number} bytes size of the page as written
 * @param {number} gzipBytes size of the page compressed as a web server would send it
 * @returns {string}
 */
export function pageSizeReport(bytes, gzipBytes) {
  const verdict = bytes <= PAGE_SIZE_BUDGET_BYTES ? "within" : "OVER";
  return (
    `page size: ${megabytes(bytes)} MB = ${mebibytes(bytes)} MiB (${grouped(bytes)} bytes, ` +
    `${verdict} the budget of ${megabytes(PAGE_SIZE_BUDGET_BYTES)} MB = ${grouped(PAGE_SIZE_BUDGET_BYTES)} bytes), ` +
    `${megabytes(gzipBytes)} MB gzipped`
  );
}

/**
 * Throws when the page is over its size budget, with the report as the message.
 * @param {number} bytes size of the page as written
 * @param {number} gzipBytes
 */
export function assertPageSize(bytes, gzipBytes) {
  if (bytes > PAGE_SIZE_BUDGET_BYTES) {
    throw new Error(
      `${pageSizeReport(bytes, gzipBytes)}. Shrink the page, or raise PAGE_SIZE_BUDGET_BYTES in ` +
        "src/budgets.js and record why in docs/decisions.md.",
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
