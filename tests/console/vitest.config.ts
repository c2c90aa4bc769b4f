import { defineConfig } from "vitest/config";

// `npm run test:browser`: the console in Chromium against a sandbox started in the test. No
// retries: a test that needs one has a race to fix.
export default defineConfig({
  test: {
    include: ["test-browser/**/*.browser.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
