// What every console test needs: a sandbox on a free port (startMock, which also serves the
// built reference site and its console on the same origin), Debian's Chromium on a fresh
// profile with the docs' browser tests' own flags (apps/docs/test-browser/chromium.js:
// no background traffic, every host but the local ones unresolvable), a record of every
// request the browser makes, and the console's form driven through its labels.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock, type RunningMock, type StartMockOptions } from "@sd-toolkit/mock";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
// The docs' browser tests own the Chromium flags; the console's tests use the same ones.
import { CHROMIUM_FLAGS } from "../../../apps/docs/test-browser/chromium.js";

/** Bound of every single wait: everything is local, so anything slower is a failure. */
export const WAIT_MS = 15_000;

export interface Harness {
  mock: RunningMock;
  context: BrowserContext;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions of the pages. */
  errors: string[];
  close(): Promise<void>;
}

/** `mock` options as a user would give them, e.g. `corsOrigins` for a page on another origin. */
export async function startHarness(mock: StartMockOptions = {}): Promise<Harness> {
  const running = await startMock({ ...mock, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), "sd-console-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timeout: 60_000,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  context.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  context.on("weberror", (error) => errors.push(`uncaught: ${error.error().message}`));
  return {
    mock: running,
    context,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await running.close();
    },
  };
}

/** Opens `/console/#<operationId>` and waits until the console has built the form. */
export async function openConsole(page: Page, origin: string, operationId: string) {
  // From another document: going to a URL that differs only by its hash would not reload.
  await page.goto("about:blank");
  await page.goto(`${origin}/console/#${operationId}`);
  await page.locator('html[data-ready="true"]').waitFor({ state: "attached", timeout: WAIT_MS });
  await waitForOperation(page, operationId);
}

/** Waits until the console shows this operation and its form is fresh (nothing sent yet). */
export async function waitForOperation(page: Page, operationId: string) {
  await page
    .locator(`#operation:has(option[value="${operationId}"]:checked)`)
    .waitFor({ state: "attached", timeout: WAIT_MS });
  await page.locator("#answer", { hasText: "Nothing sent yet." }).waitFor({ timeout: WAIT_MS });
}

/** The control of a scalar field, by its wire name. */
export function field(page: Page, name: string): Locator {
  return page.locator(`[data-field="${name}"]`).locator("input, select, textarea").first();
}

/**
 * Sends the form and waits for the answer's status line; the answer area must have been reset
 * (a fresh operation) so that the status found is this call's.
 */
export async function send(page: Page) {
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const status = page.getByTestId("answer-status");
  await status.waitFor({ timeout: WAIT_MS });
  return status;
}

/** The answer body as the console shows it, parsed. */
export async function answerBody(page: Page): Promise<unknown> {
  const text = await page.getByRole("region", { name: "Answer body" }).textContent();
  return JSON.parse(text ?? "null");
}
