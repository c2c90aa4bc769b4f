// Budgets of the reference page, measured and printed (never asserted: timings and sizes vary
// by machine and by the growth of the description; a reader decides what to do about them).

/**
 * Target size of index.html: everything, renderer and description included, in one file.
 * "3 MB" read as file tools show sizes (`ls -lh`, and build-docs' own KiB): 3 MiB.
 */
export const PAGE_SIZE_BUDGET_BYTES = 3 * 1024 * 1024;

/**
 * @param {number} bytes size of the page as written
 * @param {number} gzipBytes size of the page compressed as a web server would send it
 * @returns {string}
 */
export function pageSizeReport(bytes, gzipBytes) {
  const verdict = bytes <= PAGE_SIZE_BUDGET_BYTES ? "within" : "OVER";
  return (
    `page size: ${mebibytes(bytes)} MiB = ${megabytes(bytes)} MB ` +
    `(${verdict} the budget of ${mebibytes(PAGE_SIZE_BUDGET_BYTES)} MiB), ${megabytes(gzipBytes)} MB gzipped`
  );
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

/** @param {number} bytes */
function megabytes(bytes) {
  return (bytes / 1000 / 1000).toFixed(2);
}
