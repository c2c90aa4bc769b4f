// The reference page under axe-core's WCAG 2 A and AA rules (issue 23, point 7), in Debian's
// Chromium: the page as it opens, an operation with its code samples on screen, and one that
// uploads files. axe-core comes from node_modules and is evaluated in the page by the test
// (through the DevTools protocol, so the page's content security policy stays as it is).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
import { wcagViolations } from "./axe.js";
import { serveStatic } from "./static-server.js";

const WAIT_MS = 15_000;
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page (optionally on a deep link) once React has taken over the markup. */
async function open(hash: string, sectionSlug?: string) {
  const page = await context.newPage();
  await page.goto(`${server.url}/${hash}`, { waitUntil: "load" });
  await page.locator('img[alt="redocly logo"][src^="data:"]').waitFor({ state: "attached" });
  if (sectionSlug) {
    const section = page.locator(`[data-section-id$="/${sectionSlug}"]`);
    await section.locator("h2").first().waitFor({ state: "visible", timeout: WAIT_MS });
    await section.locator(".panel-request-samples pre").first().waitFor({ timeout: WAIT_MS });
  }
  return page;
}

describe("the reference page passes axe-core (WCAG 2 A and AA)", () => {
  it("as it opens", async () => {
    const page = await open("");
    // The guides' code blocks scroll: the keyboard reaches them, and they carry a name.
    const guideCode = page.locator(
      '[data-section-id="/section/test-your-integration-against-the-sandbox"] pre',
    );
    await guideCode.first().waitFor({ state: "attached", timeout: WAIT_MS });
    expect(await guideCode.first().getAttribute("tabindex")).toBe("0");
    expect(await guideCode.first().getAttribute("aria-label")).toBe("TypeScript example");
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  it("on GET /incident, with its samples, answers and Try it link on screen", async () => {
    const page = await open("#/requests/getincident", "getincident");
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  it("on POST /incident.comment, an upload with its multipart sample", async () => {
    const page = await open("#/request-comments/createincidentcomment", "createincidentcomment");
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });
});
