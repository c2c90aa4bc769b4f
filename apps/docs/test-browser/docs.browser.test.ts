// The reference page, opened in Debian's Chromium over http on 127.0.0.1: every operation of
// the manual renders and is reachable from the navigation, search finds approvals, a deep
// link opens its operation, file uploads show their multipart TypeScript sample, nothing is
// requested from another host and the console stays free of errors. Prints the time Chromium takes to
// render every operation (a budget, printed only: it varies with the machine's load).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { renderTimeReport } from "../src/budgets.js";
import { CURRENT_DOCS, NEWER_THAN_MANUAL, SOURCE_KEY } from "../src/openapi/badges.js";
import { listOperations, type OperationEntry } from "../src/openapi/operations.js";
import { withCodeSamples } from "../src/samples/code-samples.js";
import { launchChromium } from "./chromium.js";
import { serveStatic } from "./static-server.js";

/** A fact of the vendor's manual: the number of its operations the reference must show. */
const MANUAL_OPERATION_COUNT = 154;
/** Operations that only the vendor's current reference documents (issue 11). */
const CURRENT_DOCS_OPERATION_COUNT = 22;
/** Bound of every single wait; the page is local, so anything slower is a failure. */
const WAIT_MS = 15_000;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const screenshots = join(root, "screenshots");
const bundle = JSON.parse(readFileSync(join(dist, "openapi.json"), "utf8"));
const operations = listOperations(bundle);
const tags = [...new Set(operations.map((operation) => operation.tag))];
const isNewerThanManual = (operation: OperationEntry) =>
  operation.operation[SOURCE_KEY] === CURRENT_DOCS;
/** Label of the TypeScript sample that uploads files (src/samples/code-samples.js). */
const UPLOAD_SAMPLE = "TypeScript (multipart)";
/** Operations the build gave an upload sample, by the same generator. */
const uploads = listOperations(withCodeSamples(bundle)).filter(({ operation }) =>
  (operation["x-codeSamples"] as Array<{ label: string }>).some(
    ({ label }) => label === UPLOAD_SAMPLE,
  ),
);

/** Redoc 3 anchors an operation by its lower-cased operationId, under its tag's slug. */
const slugOf = (operation: OperationEntry) => operation.operationId.toLowerCase();
const sectionOf = (operation: OperationEntry) => `[data-section-id$="/${slugOf(operation)}"]`;
const MENU = '[data-component-name="Menu/Menu"]';
const tagLinkOf = (tag: string) => `${MENU} a:has(span[data-text="${tag}"])`;

/**
 * Opens the page and waits until React has taken over the prerendered markup: before that,
 * sidebar links are plain links to paths the static server does not have. The sign is the
 * "API docs by" badge, which Redoc only mounts on the client (with our local logo).
 */
async function openPage(target: Page, hash = "", base = server.url) {
  await target.goto(`${base}/${hash}`, { waitUntil: "load" });
  await target.locator('img[alt="redocly logo"][src^="data:"]').waitFor({ state: "attached" });
}

/** Opens the page and goes to an operation through the sidebar, as a reader would. */
async function openOperation(target: Page, operation: OperationEntry, base = server.url) {
  await openPage(target, "", base);
  await target.locator(tagLinkOf(operation.tag)).first().click();
  await target
    .locator(`${MENU} a[href$="/${slugOf(operation)}"]`)
    .first()
    .click();
  await scrollToSection(target, sectionOf(operation));
}

/**
 * Brings a section on screen until its heading shows: Redoc renders a section's content only
 * near the viewport, and may replace the element while it lays the page out, so the scroll is
 * repeated (within the bound) instead of done once.
 */
async function scrollToSection(target: Page, selector: string) {
  await expect
    .poll(
      () =>
        target.evaluate((css) => {
          const section = document.querySelector(css);
          section?.scrollIntoView({ block: "start" });
          const heading = section?.querySelector("h2");
          return heading ? heading.getBoundingClientRect().height > 0 : false;
        }, selector),
      { timeout: WAIT_MS, interval: 50 },
    )
    .toBe(true);
}

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(dist, "index.html")))
    throw new Error("dist/index.html is missing: run `npm run build` first");
  mkdirSync(screenshots, { recursive: true });
  server = await serveStatic(dist);
  browser = await launchChromium();
  context = browser.context;
  // Recorded on the context, so that requests of every page and worker are seen.
  context.on("request", (request) => requests.push(request.url()));
  context.on("console", (message) => {
    if (message.type() === "error")
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the reference page", () => {
  it(`renders all ${MANUAL_OPERATION_COUNT} operations of the manual and the ${CURRENT_DOCS_OPERATION_COUNT} of the current reference, those badged`, async () => {
    // Render time: from opening the page until every operation has been on screen once, walking
    // the sidebar tag by tag as a reader would.
    const started = performance.now();
    await openPage(page);
    const readyMs = performance.now() - started;
    const rendered = new Set<string>();
    for (const tag of tags) {
      await page.locator(tagLinkOf(tag)).first().click();
      for (const operation of operations.filter((candidate) => candidate.tag === tag)) {
        await scrollToSection(page, sectionOf(operation));
        const heading = page.locator(`${sectionOf(operation)} h2`).first();
        expect(await heading.textContent()).toContain(operation.summary);
        // The badge shows next to the title of exactly the operations the manual lacks.
        const badges = page.locator(sectionOf(operation)).getByText(NEWER_THAN_MANUAL.name, {
          exact: true,
        });
        expect(await badges.count(), `badge on ${operation.operationId}`).toBe(
          isNewerThanManual(operation) ? 1 : 0,
        );
        rendered.add(operation.operationId);
      }
    }
    console.log(renderTimeReport(rendered.size, performance.now() - started, readyMs));

    expect(rendered.size, "operations of the bundle rendered").toBe(operations.length);
    const newer = operations.filter(isNewerThanManual).length;
    expect(rendered.size - newer, "operations of the manual rendered").toBe(MANUAL_OPERATION_COUNT);
    expect(newer, "operations of the current reference").toBe(CURRENT_DOCS_OPERATION_COUNT);
  });

  // The sidebar re-renders and scrolls as tags open; a walk that loses a link to that motion
  // is walked again before it counts as a failure.
  it("reaches every operation from the navigation", { retry: 2 }, async () => {
    await openPage(page);
    // The sidebar keeps one tag open at a time: a tag is opened when its links are not shown.
    for (const operation of operations) {
      const link = page.locator(`${MENU} a[href$="/${slugOf(operation)}"]`);
      // A closed tag is opened by activating its link; a click that lands while the sidebar
      // is still moving is tried again.
      for (let attempt = 0; (await link.count()) === 0 && attempt < 3; attempt += 1) {
        await page.locator(tagLinkOf(operation.tag)).first().dispatchEvent("click");
        await link
          .first()
          .waitFor({ state: "attached", timeout: 5_000 })
          .catch(() => undefined);
      }
      await link.first().waitFor({ state: "attached" });
      expect(await link.count(), `sidebar links to ${operation.operationId}`).toBe(1);
      // The sidebar scrolls itself while a tag opens, so a pointer click can land beside a link
      // that is still moving; the link is activated the way the router sees any click.
      await link.dispatchEvent("click");
      await page.waitForFunction((slug) => location.hash.endsWith(`/${slug}`), slugOf(operation), {
        timeout: WAIT_MS,
      });
      await page
        .locator(`${sectionOf(operation)} h2`)
        .first()
        .waitFor({ state: "visible" });
    }
  });

  it('lists the approval operations when searching "approval"', async () => {
    const approvals = operations.filter((operation) => /approval/i.test(operation.path));
    expect(approvals.length).toBeGreaterThan(0);
    await openPage(page);
    await page.locator('[data-testid="search-trigger"]').click();
    await page.locator('input[placeholder^="Search"]').fill("approval");
    const results = page.locator('a[data-component-name="Search/SearchItem"]');
    await results.first().waitFor({ state: "visible" });
    await expect
      .poll(
        async () => {
          const hrefs = await results.evaluateAll((links) =>
            links.map((link) => link.getAttribute("href") ?? ""),
          );
          return approvals.filter(
            (operation) => !hrefs.some((href) => href.endsWith(`/${slugOf(operation)}`)),
          );
        },
        { timeout: WAIT_MS },
      )
      .toEqual([]);
    await page.screenshot({ path: join(screenshots, "search-approval.png") });
    await page.keyboard.press("Escape");
  });

  it("opens the deep link of getIncident on that operation", async () => {
    const getIncident = operations.find((operation) => operation.operationId === "getIncident");
    expect(getIncident, "getIncident in the bundle").toBeDefined();
    const operation = getIncident as OperationEntry;
    await openPage(page);
    await page.locator(tagLinkOf(operation.tag)).first().click();
    const href = await page
      .locator(`${MENU} a[href$="/${slugOf(operation)}"]`)
      .getAttribute("href");
    expect(href).toMatch(/^#\//);

    const deepLink = await context.newPage();
    await openPage(deepLink, href ?? "");
    const section = deepLink.locator(sectionOf(operation));
    await section.locator("h2").first().waitFor({ state: "visible" });
    expect(await section.locator("h2").first().textContent()).toContain(operation.summary);
    await expect
      .poll(() => section.evaluate((element) => Math.round(element.getBoundingClientRect().top)), {
        timeout: WAIT_MS,
      })
      .toBeLessThan(200);
    // Its generated samples are on the page too.
    expect(await section.locator('[data-testid="source-code"]').first().textContent()).toContain(
      "createServiceDeskClient",
    );
    await deepLink.screenshot({ path: join(screenshots, "getIncident.png") });
    await deepLink.close();
  });

  it("shows cancelIncident, from the current reference, with its samples and badge", async () => {
    const cancel = operations.find((operation) => operation.operationId === "cancelIncident");
    expect(cancel, "cancelIncident in the bundle").toBeDefined();
    const operation = cancel as OperationEntry;
    await context.clearCookies();
    const target = await context.newPage();
    await openOperation(target, operation);
    const section = target.locator(sectionOf(operation));
    await section.locator("h2").first().waitFor({ state: "visible" });
    await section.getByText(NEWER_THAN_MANUAL.name, { exact: true }).waitFor({ state: "visible" });
    const source = section.locator('[data-testid="source-code"]').first();
    await expect
      .poll(async () => (await source.textContent()) ?? "", { timeout: WAIT_MS })
      .toContain('sd.POST("/incident.cancel"');
    await scrollToSection(target, sectionOf(operation));
    await target.screenshot({ path: join(screenshots, "cancelIncident.png") });
    await target.close();
  });

  it("shows the multipart TypeScript sample of every file upload, label in full", async () => {
    expect(uploads.map(({ operationId }) => operationId)).toContain("createIncident");
    for (const operation of uploads) {
      // Redoc keeps the chosen language in a cookie; every operation starts from the default.
      await context.clearCookies();
      const target = await context.newPage();
      await openOperation(target, operation);
      const section = target.locator(sectionOf(operation));
      await section.locator("h2").first().waitFor({ state: "visible" });
      const samplesPanel = section.locator(".panel-request-samples").first();
      await samplesPanel
        .locator('[data-testid="dropdown"] > button', { hasText: /^TypeScript$/ })
        .click();
      // The menu opens outside the panel, at the end of the page.
      const item = target.locator('[role="menuitem"]', { hasText: UPLOAD_SAMPLE }).first();
      await item.waitFor({ state: "visible" });
      // The whole label shows in the menu (src/page.html lifts Redoc's 150px cut).
      expect(
        await item
          .locator(`span[title="${UPLOAD_SAMPLE}"]`)
          .evaluate((label) => label.scrollWidth <= label.clientWidth),
        `${operation.operationId}: label not cut`,
      ).toBe(true);
      await item.click();
      const source = samplesPanel.locator('[data-testid="source-code"]').first();
      await expect
        .poll(async () => (await source.textContent()) ?? "", { timeout: WAIT_MS })
        .toContain("new File([await readFile(");
      const text = (await source.textContent()) ?? "";
      expect(text, operation.operationId).toContain(`sd.POST(${JSON.stringify(operation.path)}`);
      expect(text, operation.operationId).toMatch(/attachments: \[\w+\]/);
      if (operation.operationId === "createIncident") {
        await scrollToSection(target, sectionOf(operation));
        await target.screenshot({ path: join(screenshots, "createIncident-multipart.png") });
      }
      await target.close();
    }
    await context.clearCookies();
  });

  it("offers the description for download, in YAML and JSON", async () => {
    await openPage(page);
    const downloaded: Record<string, unknown> = {};
    for (const file of ["openapi.yaml", "openapi.json"]) {
      await page.locator(`a[href="${file}"]`).first().waitFor({ state: "attached" });
      const response = await page.request.get(`${server.url}/${file}`);
      expect(response.status(), file).toBe(200);
      downloaded[file] = file.endsWith(".yaml")
        ? parseYaml(await response.text())
        : await response.json();
    }
    // Both are the bundle itself, without the samples added for the page.
    expect(downloaded["openapi.yaml"]).toEqual(downloaded["openapi.json"]);
    expect(listOperations(downloaded["openapi.json"] as object)).toHaveLength(operations.length);
    expect(JSON.stringify(downloaded["openapi.json"])).not.toContain("x-codeSamples");
  });

  it("requested nothing from any host other than 127.0.0.1", () => {
    const local = (url: string) => {
      if (url.startsWith("data:")) return true;
      const parsed = new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url);
      return parsed.hostname === "127.0.0.1";
    };
    const kinds = new Map<string, number>();
    for (const url of requests) {
      const kind = /^(blob|data):/.exec(url)?.[0] ?? new URL(url).pathname;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const summary = [...kinds].map(([kind, count]) => `${kind} x${count}`).join(", ");
    const outside = requests.filter((url) => !local(url));
    console.log(
      `requests seen: ${requests.length} (${summary}); to other hosts: ${outside.length}`,
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it("logged no error to the console", () => {
    expect(consoleErrors).toEqual([]);
  });
});
