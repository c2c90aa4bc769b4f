// The answer panel: status and time, whether the body matches the description (each
// difference with its JSON path), a refusal (`status: "ERROR"` with its `info`) or the
// sandbox's list of invalid parameters set apart, the headers, the body as formatted JSON, and
// the same call as curl and as TypeScript.
import { h } from "./dom.js";

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {string} statusText
 * @property {number} milliseconds
 * @property {Array<[string, string]>} headers
 * @property {string} text the body as received
 * @property {unknown} json the body parsed, undefined when it is not JSON
 * @property {{ code: string, differences: import("./schema-check.js").Difference[] } | undefined} check
 */

/**
 * @param {Answer} answer
 * @param {{ curl: string, typescript: string }} snippets
 */
export function answerView(answer, snippets) {
  const { status, json, check } = answer;
  const ok = status >= 200 && status < 300;
  return [
    h("p", { class: `status ${ok ? "ok" : "failed"}`, "data-testid": "answer-status" }, [
      h("strong", {}, [`HTTP ${status}${answer.statusText ? ` ${answer.statusText}` : ""}`]),
      ` in ${Math.round(answer.milliseconds)} ms`,
    ]),
    refusal(json),
    invalidParameters(json),
    verdict(answer, check),
    section(
      "Body",
      codeBlock(json === undefined ? answer.text : JSON.stringify(json, null, 2), "Answer body"),
    ),
    section(
      `Headers (${answer.headers.length})`,
      h(
        "dl",
        { class: "headers" },
        answer.headers.flatMap(([name, value]) => [h("dt", {}, [name]), h("dd", {}, [value])]),
      ),
      false,
    ),
    section("The same call with curl", codeBlock(snippets.curl, "The call as curl"), false),
    section(
      "The same call in TypeScript with @sd-toolkit/client",
      codeBlock(snippets.typescript, "The call in TypeScript"),
      false,
    ),
  ];
}

/**
 * A write refused by the server answers HTTP 200 with `status: "ERROR"` and its reason in
 * `info` (some endpoints name it `error`).
 * @param {unknown} json
 */
function refusal(json) {
  if (!isRecord(json) || json.status !== "ERROR") return undefined;
  const reason = [json.info, json.error].find((value) => typeof value === "string");
  return h("div", { class: "refused", role: "alert" }, [
    h("strong", {}, ['Refused: the server answered status "ERROR"']),
    h("p", {}, [reason ?? "It gave no reason."]),
  ]);
}

/**
 * The sandbox's 428 names each invalid parameter and why (`invalid_params`).
 * @param {unknown} json
 */
function invalidParameters(json) {
  if (!isRecord(json) || !Array.isArray(json.invalid_params)) return undefined;
  return h("div", { class: "refused", role: "alert" }, [
    h("strong", {}, [typeof json.title === "string" ? json.title : "Invalid parameters"]),
    h(
      "ul",
      {},
      json.invalid_params.map((item) =>
        h("li", {}, [
          h("code", {}, [String(isRecord(item) ? item.name : item)]),
          ` ${isRecord(item) && typeof item.reason === "string" ? item.reason : ""}`,
        ]),
      ),
    ),
  ]);
}

/**
 * @param {Answer} answer
 * @param {Answer["check"]} check
 */
function verdict(answer, check) {
  if (answer.json === undefined && answer.text !== "") {
    return h("p", { class: "verdict differs" }, ["The body is not JSON."]);
  }
  if (!check) {
    return h("p", { class: "verdict" }, [
      `The description gives no JSON body for HTTP ${answer.status}.`,
    ]);
  }
  if (check.differences.length === 0) {
    return h("p", { class: "verdict matches", "data-testid": "verdict" }, [
      `Matches the description (response ${check.code}).`,
    ]);
  }
  return h("div", { class: "verdict differs", "data-testid": "verdict" }, [
    h("p", {}, [
      `Differs from the description (response ${check.code}) in ${check.differences.length} ${
        check.differences.length === 1 ? "place" : "places"
      }:`,
    ]),
    h(
      "ul",
      {},
      check.differences.map(({ path, message }) =>
        h("li", {}, [h("code", {}, [path]), ` ${message}`]),
      ),
    ),
  ]);
}

/**
 * @param {string} title
 * @param {HTMLElement} content
 * @param {boolean} [open]
 */
function section(title, content, open = true) {
  return h("details", { open }, [h("summary", {}, [title]), content]);
}

/**
 * A code block the keyboard can reach and scroll, named for screen readers.
 * @param {string} text
 * @param {string} label
 */
function codeBlock(text, label) {
  return h("pre", { tabindex: 0, role: "region", "aria-label": label }, [h("code", {}, [text])]);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
