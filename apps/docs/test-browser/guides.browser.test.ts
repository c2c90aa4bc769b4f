// The guides of the reference page, opened in Debian's Chromium as a reader opens them: each
// is a section of the sidebar, above the operations, and shows its text when clicked; the
// sandbox guide's link to the Postman collection opens the collection (every operation of the
// bundle, in folders). Nothing is requested from another host and the console stays clean.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDE_FILES, GUIDES_DIR } from "../src/guides/guides.js";
import { listOperations } from "../src/openapi/operations.js";
import { requestItems } from "../src/postman/requests.js";
import { launchChromium } from "./chromium.js";
import { whenStill } from "./motion.js";
import { serveStatic } from "./static-server.js";

/** Bound of every single wait, to catch a hang: wide, as the machine may be busy. */
const WAIT_MS = 30_000;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const screenshots = join(root, "screenshots");
const MENU = '[data-component-name="Menu/Menu"]';
const bundle = JSON.parse(readFileSync(join(dist, "openapi.json"), "utf8"));

/** Each guide's title (its `##` heading) and first paragraph, from the source files. */
const guides = GUIDE_FILES.map((file) => {
  const text = readFileSync(join(GUIDES_DIR, file), "utf8");
  const title = /^## (.+)$/m.exec(text)?.[1] ?? "";
  const firstParagraph = text.split("\n\n")[1] ?? "";
  return { file, title, opening: firstParagraph.split(/\s+/).slice(0, 6).join(" ") };
});

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

/** Opens the page and waits for React to take over the prerendered markup (see docs test). */
async function openPage(target: Page) {
  await target.goto(`${server.url}/`, { waitUntil: "load" });
  await target.locator('img[alt="redocly logo"][src^="data:"]').waitFor({ state: "attached" });
}

beforeAll(async () => {
  if (!existsSync(join(dist, "postman.json")))
    throw new Error("dist/postman.json is missing: run `npm run build` first");
  mkdirSync(screenshots, { recursive: true });
  server = await serveStatic(dist);
  browser = await launchChromium();
  browser.context.on("request", (request) => requests.push(request.url()));
  browser.context.on("console", (message) => {
    if (message.type() === "error")
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  browser.context.on("weberror", (error) => consoleErrors.push(error.error().message));
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the guides", () => {
  it("are sections of the sidebar, above the first tag of operations", async () => {
    await openPage(page);
    const entries = await page
      .locator(`${MENU} a`)
      .evaluateAll((links) => links.map((link) => (link.textContent ?? "").trim()));
    const wanted = listOperations(bundle).map((operation) => operation.tag);
    const firstOperationTag = entries.findIndex((entry) => wanted.includes(entry));
    expect(firstOperationTag, "a tag of operations in the sidebar").toBeGreaterThan(0);
    for (const { title } of guides) {
      const position = entries.indexOf(title);
      expect(position, title).toBeGreaterThan(-1);
      expect(position, title).toBeLessThan(firstOperationTag);
    }
  });

  for (const guide of guides) {
    it(`opens "${guide.title}" from the sidebar`, async () => {
      await openPage(page);
      const entry = page.locator(`${MENU} a`, { hasText: guide.title }).first();
      await whenStill(entry);
      await entry.click();
      const heading = page.locator("h2", { hasText: guide.title }).first();
      await heading.waitFor({ state: "visible" });
      await expect
        .poll(
          () => heading.evaluate((element) => Math.round(element.getBoundingClientRect().top)),
          {
            timeout: WAIT_MS,
          },
        )
        .toBeLessThan(200);
      await page.getByText(guide.opening).first().waitFor({ state: "visible" });
      await page.screenshot({
        path: join(screenshots, `guide-${guide.file.replace(".md", "")}.png`),
      });
    });
  }

  it("links the paged operations of the manual guide to their sections", async () => {
    await openPage(page);
    const entry = page.locator(`${MENU} a`, { hasText: "Coming from the manual" }).first();
    await whenStill(entry);
    await entry.click();
    // The guide's own link comes first on the page: guides precede the operations, and the
    // sidebar lists no operation of a closed tag.
    const link = page.locator('a[href="#/users/searchusers"]').first();
    await link.scrollIntoViewIfNeeded();
    await whenStill(link);
    await link.click();
    await page.waitForFunction(() => location.hash === "#/users/searchusers");
    await page
      .locator('[data-section-id$="/searchusers"] h2')
      .first()
      .waitFor({ state: "visible" });
  });

  it("links the Postman collection, which opens with one request per operation", async () => {
    await openPage(page);
    const entry = page.locator(`${MENU} a`, { hasText: guides[0]?.title ?? "" }).first();
    await whenStill(entry);
    await entry.click();
    const link = page.locator('a[href="postman.json"]').first();
    await link.scrollIntoViewIfNeeded();
    await whenStill(link);
    await Promise.all([page.waitForURL(/\/postman\.json$/), link.click()]);
    const collection = JSON.parse((await page.locator("body").innerText()).trim());
    expect(collection.info.schema).toBe(
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    );
    expect(requestItems(collection)).toHaveLength(listOperations(bundle).length);
  });

  it("requested nothing from another host and logged no error", () => {
    const outside = requests.filter((url) => {
      if (/^(data|blob):/.test(url)) return false;
      return new URL(url).hostname !== "127.0.0.1";
    });
    expect(outside).toEqual([]);
    // Showing the raw collection, Chromium asks for /favicon.ico, which the static site does
    // not have; the reference page itself carries an inline icon and asks for none.
    expect(consoleErrors.filter((error) => !error.endsWith("/favicon.ico)"))).toEqual([]);
  });
});
