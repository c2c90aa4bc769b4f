import { defineConfig } from "vitest/config";

// `npm run test:browser`: the built page in Chromium. Kept out of `npm test`, which must run
// where no browser is installed.
export default defineConfig({
  test: {
    include: ["test-browser/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
