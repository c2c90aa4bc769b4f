import { defineConfig } from "vitest/config";

// `npm run test:browser`: the built page in Chromium. Kept out of `npm test`, which must run
// where no browser is installed.
export default defineConfig({
  test: {
    include: ["test-browser/**/*.test.ts"],
    // A test that passes only when tried again hides a race: every wait in these tests is on a
    // fact of the page, so a failure is a finding, never retried.
    retry: 0,
    // Each file starts its own Chromium; on a 2-core machine two at once only slow each other.
    fileParallelism: false,
    // Bounds against a hang only, wide enough for a busy machine.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
