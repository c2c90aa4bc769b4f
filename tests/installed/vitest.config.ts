import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One file that installs packages: give npm room on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
