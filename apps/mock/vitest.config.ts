import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starting a mock loads and compiles the whole description: seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The robustness test gives each request one second; other files' servers competing for
    // the CPU would only make that noisier.
    fileParallelism: false,
  },
});
