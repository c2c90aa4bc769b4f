// The console for keyboard and screen reader users (issue 23, points 6 and 7): axe-core's
// WCAG 2 A and AA rules find nothing on the form, with an answer shown, with repeatable rows,
// OAuth fields and history; every control has a name; the Tab order follows the form from the
// operation to Send; after a call the focus moves to the answer.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { field, openConsole, send, startHarness, type Harness } from "./harness.js";
// The same axe-core run as the reference site's own audit: one helper for both.
import { wcagViolations } from "../../../apps/docs/test-browser/axe.js";

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.context.newPage();
});

afterAll(async () => {
  await harness?.close();
});

describe("the console for keyboard and screen reader users", () => {
  it("passes axe-core with a form of repeatable rows and the OAuth fields", async () => {
    await openConsole(page, harness.mock.origin, "addCustomFieldOptions");
    await page.getByRole("radio", { name: "OAuth client credentials" }).check();
    expect(await wcagViolations(page)).toEqual([]);
  });

  it("passes axe-core with an answer, its details open, and the history", async () => {
    await openConsole(page, harness.mock.origin, "getIncident");
    await field(page, "id").fill("4211");
    await send(page);
    for (const summary of await page.locator("#answer summary").all()) {
      if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
    }
    await page.locator("#history li").first().waitFor();
    expect(await wcagViolations(page)).toEqual([]);
  });

  it("moves the focus to the answer after a call", async () => {
    await openConsole(page, harness.mock.origin, "getIncident");
    await send(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("answer-heading");
  });

  it("tabs from the operation through where, credentials and parameters to Send", async () => {
    await openConsole(page, harness.mock.origin, "getIncident");
    await page.locator("#operation").focus();
    /** The accessible name of each control the Tab key reaches, until Send. */
    const stops: string[] = [];
    for (let step = 0; step < 20; step += 1) {
      const name = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element) return "";
        const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
        return (label?.textContent ?? element.textContent ?? "").replace(/\s+/g, " ").trim();
      });
      stops.push(name);
      if (name === "Send") break;
      await page.keyboard.press("Tab");
    }
    expect(stops).toEqual([
      "Operation",
      "Base URL",
      "User and password (Basic)",
      "User name",
      "Password",
      "id integer required",
      "comments boolean",
      "decoded_special_characters boolean",
      "date_format string",
      "Send",
    ]);
  });
});
