// The run global-setup.test.ts starts: one sandbox from globalSetup, two files in parallel.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    include: ["*.spec.ts"],
    globalSetup: ["./sandbox.setup.ts"],
    fileParallelism: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
