// The reference page, opened in Debian's Chromium over http on 127.0.0.1: every operation of
// the manual renders at its deep link and is listed in the sidebar, a reader clicking through
// the sidebar reaches the operation clicked, search finds approvals, a deep link opens its
// operation in a new page, file uploads show their multipart TypeScript sample, nothing is
// requested from another host and the console stays free of errors. Every wait is on a fact of
// the page (an element, the address, a box that stopped moving), never on time. Prints the time
// Chromium takes to render every operation (a budget, printed only: it varies with the load).
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
import { whenStill } from "./motion.js";
import { serveStatic } from "./static-server.js";

/** A fact of the vendor's manual: the number of its operations the reference must show. */
const MANUAL_OPERATION_COUNT = 154;
/** Operations that only the vendor's current reference documents (issue 11). */
const CURRENT_DOCS_OPERATION_COUNT = 22;
/** Bound of every single wait, to catch a hang: wide, as the machine may be busy. */
const WAIT_MS = 30_000;

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

/**
 * Operations a reader clicks to in the sidebar, one tag after another, from the top of the list
 * to its bottom: the sidebar closes the last tag and scrolls itself each time.
 */
const SIDEBAR_WALK = [
  "getIncident",
  "acceptIncidentApproval",
  "listKbCategoriesByIds",
  "getDataExport",
];

const MENU = '[data-component-name="Menu/Menu"]';
const tagLinkOf = (tag: string) => `${MENU} a:has(span[data-text="${tag}"])`;
/** Redoc 3 anchors an operation by its lower-cased operationId, under its tag's path. */
const slugOf = (operation: OperationEntry) => operation.operationId.toLowerCase();
/** Each tag's path as the sidebar links it (`/request-approvals`), read from the page once. */
const tagPaths = new Map<string, string>();
const anchorOf = (operation: OperationEntry) => {
  const tagPath = tagPaths.get(operation.tag);
  if (tagPath === undefined) throw new Error(`No sidebar entry for the tag ${operation.tag}`);
  return `${tagPath}/${slugOf(operation)}`;
};
/** The deep link of an operation, as its sidebar link reads: `#/users/searchusers`. */
const deepLinkOf = (operation: OperationEntry) => `#${anchorOf(operation)}`;
const sectionOf = (operation: OperationEntry) => `[data-section-id="${anchorOf(operation)}"]`;
const menuLinkOf = (operation: OperationEntry) => `${MENU} a[href="${deepLinkOf(operation)}"]`;
const operationNamed = (operationId: string) => {
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  if (operation === undefined) throw new Error(`${operationId} is not in the bundle`);
  return operation;
};

/**
 * Opens the page and waits until React has taken over the prerendered markup: before that,
 * sidebar links are plain links to paths the static server does not have. The sign is the
 * "API docs by" badge, which Redoc only mounts on the client (with our local logo).
 */
async function openPage(target: Page, hash = "") {
  await target.goto(`${server.url}/${hash}`, { waitUntil: "load" });
  await target.locator('img[alt="redocly logo"][src^="data:"]').waitFor({ state: "attached" });
}

/** Opens a new page at an operation's deep link, once its heading shows. */
async function openOperation(operation: OperationEntry) {
  const target = await context.newPage();
  await openPage(target, deepLinkOf(operation));
  await target
    .locator(`${sectionOf(operation)} h2`)
    .first()
    .waitFor({ state: "visible" });
  return target;
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
  context.setDefaultTimeout(WAIT_MS);
  page = context.pages()[0] ?? (await context.newPage());
  // The tags' paths, as the sidebar links them, before anything opens a tag.
  await openPage(page);
  for (const tag of tags) {
    const href = await page.locator(tagLinkOf(tag)).first().getAttribute("href");
    if (href === null) throw new Error(`The sidebar entry of ${tag} has no link`);
    tagPaths.set(tag, href);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the reference page", () => {
  it(`renders all ${MANUAL_OPERATION_COUNT} operations of the manual and the ${CURRENT_DOCS_OPERATION_COUNT} of the current reference at their deep links, listed in the sidebar, those badged`, async () => {
    // Render time: from opening the page until every operation has been shown once.
    const started = performance.now();
    await openPage(page);
    const readyMs = performance.now() - started;
    const rendered = new Set<string>();
    for (const operation of operations) {
      // The address changes within the page, as when a reader follows a link to the operation.
      await page.goto(`${server.url}/${deepLinkOf(operation)}`);
      const section = page.locator(sectionOf(operation));
      const heading = section.locator("h2").first();
      await heading.waitFor({ state: "visible" });
      expect(await heading.textContent(), operation.operationId).toContain(operation.summary);
      // The badge shows in the heading, next to the title, of exactly the operations the manual
      // lacks (drawn with the heading, so it is there as soon as the title is).
      const badges = heading.getByText(NEWER_THAN_MANUAL.name, { exact: true });
      expect(await badges.count(), `badge on ${operation.operationId}`).toBe(
        isNewerThanManual(operation) ? 1 : 0,
      );
      // The sidebar opens the operation's tag and lists it, with this very link.
      await page.locator(menuLinkOf(operation)).first().waitFor({ state: "attached" });
      expect(await page.locator(menuLinkOf(operation)).count(), operation.operationId).toBe(1);
      rendered.add(operation.operationId);
    }
    console.log(renderTimeReport(rendered.size, performance.now() - started, readyMs));

    expect(rendered.size, "operations of the bundle rendered").toBe(operations.length);
    const newer = operations.filter(isNewerThanManual).length;
    expect(rendered.size - newer, "operations of the manual rendered").toBe(MANUAL_OPERATION_COUNT);
    expect(newer, "operations of the current reference").toBe(CURRENT_DOCS_OPERATION_COUNT);
  });

  it(`takes a reader clicking through the sidebar to ${SIDEBAR_WALK.join(", ")}`, async () => {
    await openPage(page);
    for (const operationId of SIDEBAR_WALK) {
      const operation = operationNamed(operationId);
      const link = page.locator(menuLinkOf(operation));
      // Its tag is closed (the walk never visits a tag twice): the reader opens it first.
      expect(await link.count(), `${operationId} listed before its tag opens`).toBe(0);
      const tagLink = page.locator(tagLinkOf(operation.tag)).first();
      await whenStill(tagLink);
      await tagLink.click();
      await whenStill(link.first());
      await link.first().click();
      await page.waitForFunction((hash) => location.hash === hash, deepLinkOf(operation));
      const heading = page.locator(`${sectionOf(operation)} h2`).first();
      await heading.waitFor({ state: "visible" });
      expect(await heading.textContent(), operationId).toContain(operation.summary);
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

  it("opens the deep link of getIncident on that operation, in a new page", async () => {
    const operation = operationNamed("getIncident");
    expect(deepLinkOf(operation)).toBe("#/requests/getincident");
    const deepLink = await context.newPage();
    await openPage(deepLink, deepLinkOf(operation));
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
    const operation = operationNamed("cancelIncident");
    await context.clearCookies();
    const target = await openOperation(operation);
    const section = target.locator(sectionOf(operation));
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
      const target = await openOperation(operation);
      const section = target.locator(sectionOf(operation));
      const samplesPanel = section.locator(".panel-request-samples").first();
      // Sections around it may still be drawn and push it: click once it is still.
      const languages = samplesPanel.locator('[data-testid="dropdown"] > button', {
        hasText: /^TypeScript$/,
      });
      await whenStill(languages);
      await languages.click();
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
      await whenStill(item);
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
