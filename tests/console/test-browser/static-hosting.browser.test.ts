// The docs package hosted as a static site, without a sandbox on its origin (issue 23, point
// 5): the console says so and offers the base URL field with the way to start a sandbox; a
// sandbox on another origin, started with `corsOrigins` naming this site as a user would
// (`--cors-origin`), then answers through CORS, and a server that does not allow this origin
// gets an explanation, naming the flag, instead of a silent failure.
import { siteDir } from "@sd-toolkit/docs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerBody, field, send, startHarness, WAIT_MS, type Harness } from "./harness.js";
import { serveStatic } from "./static-host.js";

let harness: Harness;
let site: Awaited<ReturnType<typeof serveStatic>>;
let page: Page;

beforeAll(async () => {
  site = await serveStatic(siteDir);
  harness = await startHarness({ corsOrigins: [site.origin] });
  page = await harness.context.newPage();
  await page.goto(`${site.origin}/console/#getIncident`);
  await page.locator('html[data-ready="true"]').waitFor({ state: "attached", timeout: WAIT_MS });
});

afterAll(async () => {
  await site?.close();
  await harness?.close();
});

describe("the console on a static host", () => {
  it("says that no sandbox answers here, and how to start one", async () => {
    const notice = page.locator("#sandbox-notice");
    await notice.waitFor({ state: "visible", timeout: WAIT_MS });
    expect(await notice.textContent()).toContain("No sandbox answers on this site.");
    expect(await notice.locator("code").allTextContents()).toContain("npx @sd-toolkit/mock");
    expect(await page.getByLabel("Base URL").inputValue()).toBe("");
  });

  it("asks for a base URL instead of sending nowhere", async () => {
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const problem = page.getByRole("alert");
    await problem.waitFor({ timeout: WAIT_MS });
    expect(await problem.textContent()).toContain("Enter the base URL to call");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("base-url");
  });

  it("calls a sandbox on another origin that the reader types (CORS)", async () => {
    await page.getByLabel("Base URL").fill(harness.mock.apiUrl);
    await field(page, "id").fill("4211");
    const status = await send(page);
    expect(await status.textContent()).toContain("HTTP 200");
    expect(((await answerBody(page)) as { title: string }).title).toBe(
      "Laptop does not boot after BIOS update",
    );
  });

  it("explains CORS when the browser blocks the answer of a server that does not allow this page", async () => {
    const other = await serveStatic(siteDir);
    try {
      await page.getByLabel("Base URL").fill(`${other.origin}/api/v1`);
      await page.getByRole("button", { name: "Send", exact: true }).click();
      const problem = page.locator("#problem");
      await problem.waitFor({ state: "visible", timeout: WAIT_MS });
      expect(await problem.textContent()).toContain("(CORS)");
      expect(await problem.textContent()).toContain(`No answer from ${other.origin}/api/v1`);
      expect(await problem.textContent()).toContain(`--cors-origin ${site.origin}`);
    } finally {
      await other.close();
    }
  });
});
