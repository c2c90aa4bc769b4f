import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The layout test parses every split source (about 170 YAML files): under a second alone,
    // but past vitest's 5 s default when turbo runs every workspace's tests on a loaded 2-core
    // machine. These tests check facts, not speed, so only a hang should time them out.
    testTimeout: 60_000,
  },
});
