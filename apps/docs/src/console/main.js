// The console page (console/index.html): loads the description next to the site, builds the
// form of the operation named in the address (`console/#getIncident`), sends the call with the
// client's wire encoder to the sandbox on this origin or to the base URL typed, and shows the
// answer and the history. The only requests are the description (from this site) and the
// calls the reader sends.
/* global document, window, location, history -- the console runs in the browser */
import { listOperations } from "../openapi/operations.js";
import { answerSchema, differences } from "./schema-check.js";
import { basicAuthorization, requestToken, tokenUrlFor } from "./auth.js";
import { answerView } from "./answer-view.js";
import { h } from "./dom.js";
import { formView, FormInputError, readForm } from "./form-view.js";
import { addToHistory, clearHistory, historyEntry, readHistory } from "./history.js";
import { findOperation, operationForm, sendingMediaType } from "./model.js";
import { curlFor, typescriptFor } from "./snippets.js";
import { wireRequest } from "./wire-request.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("./form-view.js").FieldView} FieldView */
/** @typedef {import("./history.js").HistoryEntry} HistoryEntry */

/** Where `npx @sd-toolkit/mock` serves the API unless told otherwise. */
const LOCAL_SANDBOX = "http://127.0.0.1:4010/api/v1";

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const elements = {
  operation: /** @type {HTMLSelectElement} */ ($("operation")),
  title: $("operation-title"),
  reference: /** @type {HTMLAnchorElement} */ ($("reference-link")),
  baseUrl: /** @type {HTMLInputElement} */ ($("base-url")),
  sandboxNotice: $("sandbox-notice"),
  authBasic: /** @type {HTMLInputElement} */ ($("auth-basic")),
  authOauth: /** @type {HTMLInputElement} */ ($("auth-oauth")),
  basicFields: $("basic-fields"),
  oauthFields: $("oauth-fields"),
  username: /** @type {HTMLInputElement} */ ($("username")),
  password: /** @type {HTMLInputElement} */ ($("password")),
  clientId: /** @type {HTMLInputElement} */ ($("client-id")),
  clientSecret: /** @type {HTMLInputElement} */ ($("client-secret")),
  scopes: $("scopes"),
  form: /** @type {HTMLFormElement} */ ($("call")),
  fields: $("fields"),
  send: /** @type {HTMLButtonElement} */ ($("send")),
  problem: $("problem"),
  answer: $("answer"),
  answerHeading: $("answer-heading"),
  history: $("history"),
  clearHistory: /** @type {HTMLButtonElement} */ ($("clear-history")),
};

/** @type {{ document: OpenApiDocument, form: ReturnType<typeof operationForm> | undefined, views: FieldView[] }} */
const state = { document: {}, form: undefined, views: [] };

start().catch((error) => showProblem(`The console could not start: ${messageOf(error)}`));

async function start() {
  const [description] = await Promise.all([loadDescription(), detectSandbox()]);
  state.document = description;
  fillOperationChoices(description);
  elements.operation.addEventListener("change", () => {
    location.hash = elements.operation.value;
  });
  window.addEventListener("hashchange", () => showOperation(operationIdFromHash()));
  for (const radio of [elements.authBasic, elements.authOauth])
    radio.addEventListener("change", showAuthFields);
  showAuthFields();
  elements.form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send();
  });
  elements.clearHistory.addEventListener("click", () => {
    clearHistory(localStorage);
    renderHistory([]);
  });
  renderHistory(readHistory(localStorage));
  showOperation(operationIdFromHash());
  // The browser tests wait for this mark before they use the form.
  document.documentElement.dataset.ready = "true";
}

/** @returns {Promise<OpenApiDocument>} */
async function loadDescription() {
  const response = await fetch(new URL("../openapi.json", location.href));
  if (!response.ok) throw new Error(`../openapi.json answered HTTP ${response.status}`);
  return response.json();
}

/**
 * Whether the sandbox answers on this page's origin: it answers OPTIONS on an API path with the
 * methods the path takes (a static host has no such path). Without it, the console says so and
 * leaves the base URL to the reader.
 */
async function detectSandbox() {
  const here = location.protocol.startsWith("http") ? `${location.origin}/api/v1` : undefined;
  let found = false;
  if (here) {
    try {
      const response = await fetch(`${here}/incident`, { method: "OPTIONS" });
      found = response.status === 204 && /\bGET\b/.test(response.headers.get("allow") ?? "");
    } catch {
      found = false;
    }
  }
  if (found && here) {
    elements.baseUrl.value = here;
    return;
  }
  elements.baseUrl.value = "";
  elements.baseUrl.placeholder = LOCAL_SANDBOX;
  elements.sandboxNotice.hidden = false;
}

/** @param {OpenApiDocument} description */
function fillOperationChoices(description) {
  /** @type {Map<string, HTMLOptGroupElement>} */
  const groups = new Map();
  for (const entry of listOperations(description)) {
    let group = groups.get(entry.tag);
    if (!group) {
      group = h("optgroup", { label: entry.tag });
      groups.set(entry.tag, group);
      elements.operation.append(group);
    }
    group.append(
      h("option", { value: entry.operationId }, [
        `${entry.method.toUpperCase()} ${entry.path} (${entry.summary})`,
      ]),
    );
  }
}

function operationIdFromHash() {
  return decodeURIComponent(location.hash.slice(1));
}

/**
 * @param {string} operationId
 * @param {HistoryEntry} [from] values to fill instead of the example
 */
function showOperation(operationId, from) {
  const entry = findOperation(state.document, operationId) ?? listOperations(state.document)[0];
  if (!entry) throw new Error("The description has no operation");
  if (entry.operationId !== operationId) {
    if (operationId)
      showProblem(`The description has no operation "${operationId}"; showing the first one.`);
    history.replaceState(null, "", `#${entry.operationId}`);
  } else {
    hideProblem();
  }
  elements.operation.value = entry.operationId;
  const form = operationForm(state.document, entry);
  state.form = form;
  elements.title.textContent = `${entry.method.toUpperCase()} ${entry.path}: ${entry.summary}`;
  document.title = `${entry.method.toUpperCase()} ${entry.path} · Console · Service Desk API`;
  // The renderer's anchor: the tag's slug, then the lower-cased operationId.
  const tagSlug = entry.tag.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  elements.reference.href = `../#/${tagSlug}/${entry.operationId.toLowerCase()}`;
  elements.scopes.textContent =
    form.scopes.length > 0 ? form.scopes.join(" ") : "(the description names no scope)";
  const { element, views } = formView(form.fields);
  state.views = views;
  elements.fields.replaceChildren(element);
  if (from) {
    for (const view of views) {
      const values = view.field.location === "query" ? from.query : from.body;
      view.fill(values?.[view.field.name]);
    }
    elements.baseUrl.value = from.baseUrl;
    (from.auth === "oauth" ? elements.authOauth : elements.authBasic).checked = true;
    (from.auth === "oauth" ? elements.clientId : elements.username).value = from.user;
    showAuthFields();
  }
  elements.answer.replaceChildren(h("p", {}, ["Nothing sent yet."]));
}

function showAuthFields() {
  const oauth = elements.authOauth.checked;
  elements.basicFields.hidden = oauth;
  elements.oauthFields.hidden = !oauth;
}

async function send() {
  const form = state.form;
  if (!form) return;
  hideProblem();
  const baseUrl = elements.baseUrl.value.trim().replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(baseUrl)) {
    showProblem(
      "Enter the base URL to call, for example http://127.0.0.1:4010/api/v1 for a sandbox started with npx @sd-toolkit/mock.",
      elements.baseUrl,
    );
    return;
  }
  /** @type {{ query: Record<string, unknown>, body: Record<string, unknown> | undefined }} */
  let values;
  try {
    values = readForm(state.views, form.mediaTypes.length > 0);
  } catch (error) {
    if (error instanceof FormInputError) showProblem(error.message, error.control);
    else throw error;
    return;
  }
  const { entry } = form;
  const call = {
    method: entry.method.toUpperCase(),
    baseUrl,
    path: entry.path,
    query: values.query,
    body: values.body,
    mediaType: values.body && sendingMediaType(form.mediaTypes, values.body),
  };
  const oauth = elements.authOauth.checked;
  elements.send.disabled = true;
  elements.answer.setAttribute("aria-busy", "true");
  try {
    const authorization = oauth
      ? await requestToken({
          tokenUrl: tokenUrlFor(baseUrl),
          clientId: elements.clientId.value,
          clientSecret: elements.clientSecret.value,
          scopes: form.scopes,
        })
      : basicAuthorization(elements.username.value, elements.password.value);
    const { url, body } = wireRequest(call);
    const started = performance.now();
    const response = await fetch(url, {
      method: call.method,
      headers: { Authorization: authorization },
      body,
      credentials: "omit",
    });
    const text = await response.text();
    const milliseconds = performance.now() - started;
    const json = parseJson(text);
    const described = answerSchema(state.document, entry.operation, response.status);
    const answer = {
      status: response.status,
      statusText: response.statusText,
      milliseconds,
      headers: /** @type {Array<[string, string]>} */ ([...response.headers.entries()]),
      text,
      json,
      check:
        described && json !== undefined
          ? {
              code: described.code,
              differences: differences(state.document, described.schema, json),
            }
          : undefined,
    };
    const sent = {
      call,
      auth: oauth ? /** @type {const} */ ("oauth") : /** @type {const} */ ("basic"),
      scopes: form.scopes,
    };
    elements.answer.replaceChildren(
      ...answerView(answer, { curl: curlFor(sent), typescript: typescriptFor(sent) }).filter(
        (node) => node !== undefined,
      ),
    );
    remember(call, oauth, response.status);
    elements.answerHeading.focus();
  } catch (error) {
    remember(call, oauth, undefined);
    showProblem(failureText(error, baseUrl));
    elements.answer.replaceChildren(h("p", {}, ["No answer."]));
  } finally {
    elements.send.disabled = false;
    elements.answer.removeAttribute("aria-busy");
  }
}

/**
 * @param {import("./wire-request.js").Call} call
 * @param {boolean} oauth
 * @param {number | undefined} status
 */
function remember(call, oauth, status) {
  const form = state.form;
  if (!form) return;
  const secrets = new Set(form.fields.filter((field) => field.secret).map((field) => field.name));
  const entry = historyEntry(
    {
      time: Date.now(),
      operationId: form.entry.operationId,
      baseUrl: call.baseUrl,
      auth: oauth ? "oauth" : "basic",
      user: oauth ? elements.clientId.value : elements.username.value,
      query: call.query,
      body: call.body,
      status,
    },
    secrets,
  );
  renderHistory(addToHistory(localStorage, entry));
}

/** @param {HistoryEntry[]} entries */
function renderHistory(entries) {
  elements.clearHistory.hidden = entries.length === 0;
  if (entries.length === 0) {
    elements.history.replaceChildren(h("p", {}, ["No calls sent yet from this browser."]));
    return;
  }
  const operations = new Map(listOperations(state.document).map((e) => [e.operationId, e]));
  elements.history.replaceChildren(
    h(
      "ol",
      { class: "history" },
      entries.map((entry) => {
        const operation = operations.get(entry.operationId);
        const name = operation
          ? `${operation.method.toUpperCase()} ${operation.path}`
          : entry.operationId;
        const when = new Date(entry.time).toLocaleTimeString();
        const load = (/** @type {boolean} */ andSend) => () => {
          if (location.hash.slice(1) !== entry.operationId) {
            history.replaceState(null, "", `#${entry.operationId}`);
          }
          showOperation(entry.operationId, entry);
          if (andSend) void send();
          else
            /** @type {HTMLElement | null} */ (
              elements.fields.querySelector("input, select, textarea")
            )?.focus();
        };
        return h("li", {}, [
          h("span", {}, [
            h("code", {}, [name]),
            ` ${entry.status === undefined ? "no answer" : `HTTP ${entry.status}`}, ${when}, ${entry.baseUrl}`,
          ]),
          h(
            "button",
            {
              type: "button",
              class: "secondary",
              "aria-label": `Edit ${name} of ${when}`,
              onclick: load(false),
            },
            ["Edit"],
          ),
          h(
            "button",
            {
              type: "button",
              class: "secondary",
              "aria-label": `Send ${name} of ${when} again`,
              onclick: load(true),
            },
            ["Send again"],
          ),
        ]);
      }),
    ),
  );
}

/**
 * What a failed fetch means: the browser says only "Failed to fetch", so the console names the
 * likely causes, CORS first when the base URL is another origin.
 * @param {unknown} error
 * @param {string} baseUrl
 */
function failureText(error, baseUrl) {
  if (!(error instanceof TypeError)) return messageOf(error);
  const elsewhere = new URL(baseUrl).origin !== location.origin;
  return elsewhere
    ? `No answer from ${baseUrl}. Either nothing listens there, or its server does not allow ` +
        `calls from this page (${location.origin}) and the browser blocked the answer (CORS). A ` +
        "sandbox answers pages of its own origin only: start it with " +
        `npx @sd-toolkit/mock --cors-origin ${location.origin} to allow this page. For your ` +
        "instance, put a proxy in front of it that answers with Access-Control-Allow-Origin and " +
        "allows the Authorization header."
    : `No answer from ${baseUrl}: ${error.message}. Is the sandbox still running?`;
}

/** @param {string} text */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @param {string} message
 * @param {HTMLElement} [control] the control to fix, focused
 */
function showProblem(message, control) {
  elements.problem.textContent = message;
  elements.problem.hidden = false;
  control?.focus();
}

function hideProblem() {
  elements.problem.hidden = true;
  elements.problem.textContent = "";
}
