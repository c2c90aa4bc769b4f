import { defineConfig } from "vitest/config";

// `npm test`: unit tests of the sample generator and the page checks, plus the type-check of
// every generated TypeScript sample against the client's declarations.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
