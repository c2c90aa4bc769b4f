// Starts Debian's Chromium through playwright-core; a browser is never downloaded. The flags
// are those of docs/architecture.md (test layers): headless as root, and no background traffic of the browser's own
// (sync, component updates, QUIC), with every host name except the local ones made
// unresolvable, so that only requests the page itself makes can show up in the test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
];

/**
 * A Chromium context on a fresh profile, removed again by `close()`. Playwright refuses
 * `--user-data-dir` among the launch arguments, so the fresh profile goes through
 * `launchPersistentContext`.
 * @param {{ viewport?: { width: number, height: number } }} [options]
 */
export async function launchChromium(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "sd-docs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
