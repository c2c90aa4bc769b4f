// A small element builder for the console's views: the console has no framework, and building
// nodes (never HTML strings) keeps answers from the server from being read as markup.
/* global document -- the console runs in the browser */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | ((event: Event) => void) | undefined>} [attributes]
 *   `on<event>` entries become listeners; `false` and undefined leave the attribute out
 * @param {Array<Node | string | false | undefined | null>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "value" && "value" in element) element.value = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === false || child === undefined || child === null) continue;
    element.append(child);
  }
  return element;
}

let counter = 0;
/**
 * A fresh element id, for labels and descriptions.
 * @param {string} prefix
 */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
