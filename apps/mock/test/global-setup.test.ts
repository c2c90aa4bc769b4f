// The README's vitest globalSetup, run as a user would run it: one sandbox per run, started in
// globalSetup, and two test files in parallel, each in its own tenant. Runs the built package.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("runs two files against one sandbox started in globalSetup, each in its own tenant", () => {
  const vitest = join(
    dirname(createRequire(import.meta.url).resolve("vitest/package.json")),
    "vitest.mjs",
  );
  const config = fileURLToPath(new URL("global-setup/vitest.config.ts", import.meta.url));
  const run = spawnSync(process.execPath, [vitest, "run", "--config", config], {
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, CI: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  expect(output).toMatch(/Test Files\s+2 passed/);
});
