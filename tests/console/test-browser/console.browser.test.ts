// The console against a real sandbox on the same origin (issue 23, Tests): reads and writes
// through the form, the wire format of arrays, dictionaries and files, OAuth client
// credentials with the operation's scope, refusals and 428s set apart, history without
// secrets, the console reachable from every operation, and no request leaving the machine.
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerBody,
  field,
  openConsole,
  send,
  startHarness,
  waitForOperation,
  WAIT_MS,
  type Harness,
} from "./harness.js";

let harness: Harness;
let page: Page;
let origin: string;

beforeAll(async () => {
  harness = await startHarness();
  origin = harness.mock.origin;
  page = await harness.context.newPage();
});

afterAll(async () => {
  await harness?.close();
});

/** The next request to the API whose path ends with `path`, as the browser sent it. */
function nextApiRequest(path: string): Promise<Request> {
  return page.waitForRequest((request) => new URL(request.url()).pathname === `/api/v1${path}`, {
    timeout: WAIT_MS,
  });
}

/** Goes to another operation in the same page, as the operation chooser does. */
async function switchTo(operationId: string) {
  await page.locator("#operation").selectOption(operationId);
  await waitForOperation(page, operationId);
}

describe("the console against the sandbox", () => {
  it("reads request 4211 with GET /incident and marks the answer as matching the description", async () => {
    await openConsole(page, origin, "getIncident");
    await field(page, "id").fill("4211");
    const status = await send(page);
    expect(await status.textContent()).toContain("HTTP 200");
    const body = (await answerBody(page)) as { id: number; title: string };
    expect(body.id).toBe(4211);
    expect(body.title).toBe("Laptop does not boot after BIOS update");
    expect(await page.getByTestId("verdict").textContent()).toContain(
      "Matches the description (response 200)",
    );
  });

  it("creates a request with POST /incident as a form body, and reads its title back by its new id", async () => {
    await openConsole(page, origin, "createIncident");
    const title = "Printer on floor 3 jams on tray 2";
    await field(page, "title").fill(title);
    const sent = nextApiRequest("/incident");
    await send(page);
    const post = await sent;
    expect(post.method()).toBe("POST");
    // No file was chosen, so the body goes form-encoded, as the client sends it.
    expect(await post.headerValue("content-type")).toContain("application/x-www-form-urlencoded");
    expect(post.postData()).toContain(`title=${encodeURIComponent(title).replace(/%20/g, "+")}`);
    const created = (await answerBody(page)) as { status: string; request_id: number | string };
    expect(created.status).toBe("OK");
    const id = String(created.request_id);

    await switchTo("getIncident");
    await field(page, "id").fill(id);
    await send(page);
    const read = (await answerBody(page)) as { id: number; title: string };
    expect(String(read.id)).toBe(id);
    expect(read.title).toBe(title);
  });

  it("sends an array parameter as PHP's ids[] pairs (GET /incidents)", async () => {
    await openConsole(page, origin, "listIncidents");
    const ids = page.locator('[data-field="ids"]');
    // The example's two ids are there; a third row is added and filled from the keyboard.
    await expect.poll(() => ids.locator("li input").count(), { timeout: WAIT_MS }).toBe(2);
    await ids.getByRole("button", { name: "Add item" }).click();
    await page.keyboard.type("4211");
    const sent = nextApiRequest("/incidents");
    await send(page);
    const query = new URL((await sent).url()).search;
    expect(query).toContain("ids%5B%5D=4211&ids%5B%5D=4212&ids%5B%5D=4211");
    expect(await page.getByTestId("answer-status").textContent()).toContain("HTTP 200");
    expect(await page.getByTestId("verdict").textContent()).toContain("Matches the description");
    await page.getByText("The same call with curl").click();
    const curl = await page.getByRole("region", { name: "The call as curl" }).textContent();
    expect(curl).toContain("--data-urlencode 'ids[]=4212'");
  });

  it("sends a dictionary as key_values[key]=value pairs (POST /cf.field.options)", async () => {
    await openConsole(page, origin, "addCustomFieldOptions");
    const keyValues = page.locator('[data-field="key_values"]');
    await keyValues.getByRole("button", { name: "Add entry" }).click();
    await keyValues.getByRole("textbox", { name: "key_values, key of entry 2" }).fill("lt-0459");
    await keyValues
      .getByRole("textbox", { name: "key_values, value of entry 2" })
      .fill("LT-0459 Lenovo ThinkPad T14");
    const sent = nextApiRequest("/cf.field.options");
    await send(page);
    const form = new URLSearchParams((await sent).postData() ?? "");
    expect(form.get("key_values[lt-0458]")).toBe("LT-0458 Dell Latitude 7440");
    expect(form.get("key_values[lt-0459]")).toBe("LT-0459 Lenovo ThinkPad T14");
    const answer = (await answerBody(page)) as { status: string };
    expect(answer.status).toBe("OK");
  });

  it("uploads a file as a multipart part (POST /incident.comment with an attachment)", async () => {
    await openConsole(page, origin, "createIncidentComment");
    await field(page, "attachments").setInputFiles({
      name: "boot-screen.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("not really a JPEG, but bytes all the same"),
    });
    const sent = nextApiRequest("/incident.comment");
    await send(page);
    const request = await sent;
    expect(await request.headerValue("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    // The browser does not hand a body with a file to the test; the sandbox's journal tells
    // what arrived.
    const answer = (await answerBody(page)) as { status: string };
    expect(answer.status).toBe("OK");
    const journal = await harness.mock.tenant({ username: "demo" }).journal();
    const call = journal.findLast((entry) => entry.operationId === "createIncidentComment");
    expect(JSON.stringify(call?.params)).toContain("boot-screen.jpg");
    await page.getByText("The same call with curl").click();
    expect(await page.getByRole("region", { name: "The call as curl" }).textContent()).toContain(
      "-F 'attachments[]=@boot-screen.jpg'",
    );
    await page.getByText("The same call in TypeScript").click();
    const typescript = await page
      .getByRole("region", { name: "The call in TypeScript" })
      .textContent();
    expect(typescript).toContain('new File([await readFile("boot-screen.jpg")], "boot-screen.jpg"');
  });

  it("exchanges OAuth client credentials for a token with the operation's scope", async () => {
    await openConsole(page, origin, "getIncident");
    await page.getByRole("radio", { name: "OAuth client credentials" }).check();
    await page.getByRole("textbox", { name: "Client id" }).fill("console-oauth-client");
    await page.getByLabel("Client secret").fill("console-oauth-secret");
    await field(page, "id").fill("4211");
    const tokenRequest = page.waitForRequest(
      (request) => new URL(request.url()).pathname === "/oauth/v2.0/access_token",
      { timeout: WAIT_MS },
    );
    const call = nextApiRequest("/incident");
    await send(page);
    const token = new URLSearchParams((await tokenRequest).postData() ?? "");
    expect(token.get("grant_type")).toBe("client_credentials");
    expect(token.get("scope")).toBe("api.v1.incident:get");
    expect(await (await call).headerValue("authorization")).toMatch(/^Bearer /);
    expect(((await answerBody(page)) as { id: number }).id).toBe(4211);
    const journal = await harness.mock.tenant({ clientId: "console-oauth-client" }).journal();
    expect(journal.map((entry) => entry.operationId)).toContain("getIncident");
    await page.getByRole("radio", { name: "User and password (Basic)" }).check();
  });

  it('sets a refused write apart with its info (status "ERROR")', async () => {
    await openConsole(page, origin, "updateIncident");
    await field(page, "id").fill("999999");
    await send(page);
    const refusal = page.locator(".refused");
    expect(await refusal.getAttribute("role")).toBe("alert");
    expect(await refusal.textContent()).toContain('Refused: the server answered status "ERROR"');
    expect(await refusal.locator("p").textContent()).toBe("There is no request with id 999999.");
    expect(((await answerBody(page)) as { status: string }).status).toBe("ERROR");
  });

  it("shows which parameter a 428 names", async () => {
    await openConsole(page, origin, "getIncident");
    await field(page, "id").fill("forty-two");
    const status = await send(page);
    expect(await status.textContent()).toContain("HTTP 428");
    const problem = page.locator(".refused");
    expect(await problem.locator("li code").allTextContents()).toEqual(["id"]);
  });

  it("keeps a history without secrets, and loads an entry back for editing", async () => {
    await page.evaluate(() => localStorage.clear());
    await openConsole(page, origin, "getIncident");
    const password = "history-must-not-keep-this";
    await page.getByLabel("Password", { exact: true }).fill(password);
    await field(page, "id").fill("4212");
    await send(page);
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    expect(stored).toContain("getIncident");
    expect(stored).not.toContain(password);

    await switchTo("listIncidents");
    await page
      .getByRole("button", { name: /^Edit GET \/incident of / })
      .first()
      .click();
    await waitForOperation(page, "getIncident");
    expect(await field(page, "id").inputValue()).toBe("4212");
  });

  it("opens from every operation: each has a Try it link in the reference and a form in the console", async () => {
    const description = (await (await page.request.get(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.entries(description.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        id: operation.operationId,
        title: `${method.toUpperCase()} ${path}:`,
      })),
    );
    expect(operations.length).toBeGreaterThan(150);
    const reference = await (await page.request.get(`${origin}/`)).text();
    const withoutLink = operations.filter(({ id }) => !reference.includes(`(console/#${id})`));
    expect(withoutLink).toEqual([]);

    await openConsole(page, origin, "getIncident");
    for (const { id, title } of operations) {
      await page.evaluate((hash) => (location.hash = hash), id);
      await page.locator("#operation-title", { hasText: title }).waitFor({ timeout: WAIT_MS });
    }
  });

  it("follows the Try it link of an operation in the reference to its console", async () => {
    const reference = await harness.context.newPage();
    await reference.goto(`${origin}/#/requests/getincident`);
    const link = reference
      .locator('[data-section-id$="/getincident"]')
      .getByRole("link", { name: "Try it in the console" });
    await link.click();
    await reference.waitForURL(`${origin}/console/#getIncident`, { timeout: WAIT_MS });
    await reference.locator('html[data-ready="true"]').waitFor({ state: "attached" });
    expect(await reference.locator("h1").textContent()).toBe("GET /incident: Get a request");
    // And back: the console links to the operation's anchor in the reference.
    await reference.getByRole("link", { name: "This operation in the reference" }).click();
    await reference.waitForURL(`${origin}/#/requests/getincident`, { timeout: WAIT_MS });
    await reference
      .locator('[data-section-id$="/getincident"] h2')
      .first()
      .waitFor({ state: "visible", timeout: WAIT_MS });
    await reference.close();
  });

  it("sent nothing to another host, and logged no error but the 428 and refusals it was asked for", () => {
    const outside = harness.requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"),
    );
    expect(outside).toEqual([]);
    // The browser logs every non-2xx answer; the 428 of the test above is the only one.
    expect(harness.errors.filter((error) => !error.includes("status of 428"))).toEqual([]);
  });
});
