// Fills a guide's placeholders: `{{fact.<name>}}` from a facts object (the sandbox facts kept
// in one file) and `{{generated.<name>}}` from text computed at build time. Postman's own
// `{{baseUrl}}` has no prefix and is left alone. An unknown placeholder is an error, and so is
// a fact no guide uses, so the facts file cannot drift away from the text.

const PLACEHOLDER = /\{\{(fact|generated)\.([A-Za-z][\w]*)\}\}/g;

/**
 * @param {string} name the guide's file name, for errors
 * @param {string} template
 * @param {{ fact?: Record<string, string>, generated?: Record<string, string> }} values
 * @param {Set<string>} [usedFacts] collects the facts used, across guides
 * @returns {string}
 */
export function renderTemplate(name, template, values, usedFacts = new Set()) {
  return template.replace(PLACEHOLDER, (_, /** @type {"fact" | "generated"} */ kind, key) => {
    const value = values[kind]?.[key];
    if (value === undefined)
      throw new Error(`${name}: no ${kind} named "${key}" for {{${kind}.${key}}}`);
    if (kind === "fact") usedFacts.add(key);
    return value;
  });
}

/**
 * @param {Record<string, string>} facts
 * @param {Set<string>} used
 */
export function assertAllFactsUsed(facts, used) {
  const unused = Object.keys(facts).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`Facts no guide uses: ${unused.join(", ")}`);
}
