// Minifies the CSS that build-docs leaves as written inside the page's renderer script. Redoc's
// bundle is minified JavaScript, but its styles are styled-components template literals kept
// verbatim: indentation, `/** @tokens ... */` blocks and `// @presenter Color` notes on every
// design token, about 100 kB. styled-components runs them through stylis in the browser, which
// drops comments and collapses whitespace anyway, so removing them here changes no rule of the
// page (the browser test compares the page's style rules with those of the unminified renderer).
//
// Only top-level CSS is touched: text in quotes and in parentheses (url(), var(), calc(), data
// URLs) is kept as it is, like every `${...}` interpolation. A template is left alone when it
// cannot be minified safely (an unclosed comment or quote, a comment around an interpolation).
import ts from "typescript";

/** Stands for an interpolation while a template's text is minified. */
const HOLE = "\u0000";

/**
 * Where the renderer is in the page: the inline module script that ends by starting Redoc,
 * from its first character up to the embedded description.
 * @param {string} html
 * @returns {{ start: number, end: number }}
 */
export function locateRenderer(html) {
  for (const match of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    const body = match[1] ?? "";
    const definition = body.indexOf("const __redoc_definition");
    if (definition < 0 || !body.includes("hydrate(__redoc_definition")) continue;
    const start = (match.index ?? 0) + '<script type="module">'.length;
    return { start, end: start + definition };
  }
  throw new Error(
    "The page has no inline renderer script (build-docs --inlineBundle output changed): check src/html/minify-styles.js",
  );
}

/**
 * @typedef {object} StyleMinification
 * @property {string} html the page with the renderer's styles minified
 * @property {number} templates how many style templates were rewritten
 * @property {number} saved bytes saved
 */

/**
 * Minifies the style templates of the page's renderer.
 * @param {string} html
 * @returns {StyleMinification}
 */
export function minifyRendererStyles(html) {
  const { start, end } = locateRenderer(html);
  const { code, templates } = minifyStyleTemplates(html.slice(start, end));
  const result = `${html.slice(0, start)}${code}${html.slice(end)}`;
  return { html: result, templates, saved: Buffer.byteLength(html) - Buffer.byteLength(result) };
}

/**
 * Minifies the CSS of the styled-components templates of a script. Which tagged templates hold
 * CSS is decided per tag (`styled.div`, `styled(Link)`, `css`, `keyframes` all show up under a
 * minified name): a tag whose templates mostly read as CSS is a style tag. Throws if the result
 * is not valid JavaScript or lost a template.
 * @param {string} code
 * @returns {{ code: string, templates: number }}
 */
export function minifyStyleTemplates(code) {
  const before = taggedTemplates(code);
  /** @type {Map<string, TaggedTemplate[]>} */
  const byTag = new Map();
  for (const template of before.templates) {
    if (template.tag === undefined) continue;
    byTag.set(template.tag, [...(byTag.get(template.tag) ?? []), template]);
  }
  /** @type {Array<{ start: number, end: number, text: string }>} */
  const edits = [];
  let templates = 0;
  for (const group of byTag.values()) {
    if (!isStyleTag(group)) continue;
    for (const template of group) {
      const quasis = minifyQuasis(template.quasis.map(({ raw }) => raw));
      if (!quasis) continue;
      let changed = false;
      template.quasis.forEach(({ start, end, raw }, index) => {
        const text = quasis[index] ?? raw;
        if (text === raw) return;
        changed = true;
        edits.push({ start, end, text });
      });
      if (changed) templates += 1;
    }
  }
  edits.sort((a, b) => a.start - b.start);
  /** @type {string[]} */
  const pieces = [];
  let position = 0;
  for (const { start, end, text } of edits) {
    pieces.push(code.slice(position, start), text);
    position = end;
  }
  pieces.push(code.slice(position));
  const result = pieces.join("");

  const after = taggedTemplates(result);
  if (after.errors > 0 || after.templates.length !== before.templates.length) {
    throw new Error(
      `Minifying the renderer's styles broke its script (${after.errors} syntax errors, ` +
        `${after.templates.length} of ${before.templates.length} tagged templates left)`,
    );
  }
  return { code: result, templates };
}

/**
 * @typedef {object} TaggedTemplate
 * @property {string | undefined} tag the name the tag expression starts with (`styled` of
 *   `styled.div.attrs(...)`), undefined for other expressions
 * @property {Array<{ start: number, end: number, raw: string }>} quasis the literal parts, with
 *   their position in the script (between the backticks and the `${` `}` delimiters)
 */

/**
 * Every tagged template of a script, with the raw text of its parts.
 * @param {string} code
 * @returns {{ templates: TaggedTemplate[], errors: number }}
 */
function taggedTemplates(code) {
  const file = ts.createSourceFile(
    "renderer.js",
    code,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  /** @type {TaggedTemplate[]} */
  const templates = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const { template } = node;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [{ node: template, close: 1 }]
        : [
            { node: template.head, close: 2 },
            ...template.templateSpans.map((span) => ({
              node: span.literal,
              close: ts.isTemplateTail(span.literal) ? 1 : 2,
            })),
          ];
      templates.push({
        tag: rootName(node.tag),
        quasis: parts.map(({ node: part, close }) => {
          const start = part.getStart(file) + 1;
          const end = part.end - close;
          return { start, end, raw: code.slice(start, end) };
        }),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  /** @type {{ parseDiagnostics?: unknown[] }} */
  const internal = /** @type {any} */ (file);
  return { templates, errors: internal.parseDiagnostics?.length ?? 0 };
}

/**
 * `L` for `L.div`, `L(Link)`, `L.span.attrs(...)` and `L`.
 * @param {ts.Expression} expression
 * @returns {string | undefined}
 */
function rootName(expression) {
  let current = expression;
  for (;;) {
    if (ts.isIdentifier(current)) return current.text;
    if (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current))
      current = current.expression;
    else return undefined;
  }
}

/**
 * A tag is a style tag when it is used at least three times and at least four in five of its
 * templates read as CSS (the rest are fragments such as `${duration}ms ease-in`).
 * `String.raw` and any other tag of regular expressions or markup fall short.
 * @param {TaggedTemplate[]} group
 */
function isStyleTag(group) {
  if (group.length < 3) return false;
  const css = group.filter((template) =>
    readsAsCss(template.quasis.map(({ raw }) => raw).join(HOLE)),
  );
  return css.length >= group.length * 0.8;
}

/**
 * Whether a template's text is CSS: declarations (`name: value`) and rules (`selector {`),
 * with interpolations standing for whole declarations or values.
 * @param {string} text the template's parts joined by HOLE
 */
export function readsAsCss(text) {
  const flat = text
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/(^|[\s;{}])\/\/[^\n]*/g, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, "S")
    .replace(/\([^()]*\)/g, "P")
    .replace(/\([^()]*\)/g, "P")
    // an interpolation on a line of its own is a whole declaration or rule
    .replace(new RegExp(`^[ \\t]*${HOLE}[ \\t;]*$`, "gm"), ";");
  if (!/[:{]/.test(flat)) return false;
  const chunks = flat.split(/([;{}])/);
  for (let index = 0; index < chunks.length; index += 2) {
    const chunk = (chunks[index] ?? "").trim();
    if (chunk === "" || chunks[index + 1] === "{") continue;
    if (!new RegExp(`^(-{0,2}[A-Za-z][\\w-]*|${HOLE})\\s*:`).test(chunk)) return false;
  }
  return true;
}

/**
 * Minifies the parts of one template together, so that comments and quotes are read across
 * interpolations; null when that cannot be done safely.
 * @param {string[]} quasis raw text of the parts
 * @returns {string[] | null}
 */
export function minifyQuasis(quasis) {
  if (quasis.some((raw) => raw.includes(HOLE))) return null;
  const text = minifyCss(quasis.join(HOLE));
  if (text === null) return null;
  const parts = text.split(HOLE);
  if (parts.length !== quasis.length) return null;
  // A part must stay a valid template part: no new `${`, backtick or trailing backslash.
  const valid = parts.every((part, index) => {
    const original = quasis[index] ?? "";
    return (
      (part.match(/\$\{/g) ?? []).length === (original.match(/\$\{/g) ?? []).length &&
      !/(^|[^\\])`/.test(part) &&
      (part.match(/\\+$/)?.[0].length ?? 0) % 2 === 0
    );
  });
  return valid ? parts : null;
}

/**
 * Minifies CSS as stylis reads it: drops `/* *\/` and `//` comments and collapses whitespace,
 * with no space around `{`, `}` and `;`. Quoted strings and parenthesised values are kept as
 * they are; a backslash keeps the character after it. Null on an unclosed comment or quote.
 * @param {string} css
 * @returns {string | null}
 */
export function minifyCss(css) {
  /** @type {string[]} */
  const out = [];
  /** Whether whitespace was skipped since the last character written. */
  let space = false;
  /**
   * Writes a token, after one space if whitespace came before it and neither side is a brace
   * or a semicolon. Whitespace at the very start or end is kept as one space: the template may
   * be interpolated where it separates selectors or values.
   * @param {string} text
   */
  const write = (text) => {
    const last = out.at(-1)?.at(-1) ?? "";
    if (space && !"{};".includes(last || "x") && !"{};".includes(text[0] ?? "")) out.push(" ");
    space = false;
    out.push(text);
  };
  let index = 0;
  while (index < css.length) {
    const char = css[index] ?? "";
    const next = css[index + 1];
    if (/\s/.test(char)) {
      space = true;
      index += 1;
    } else if (char === "/" && next === "*") {
      const close = css.indexOf("*/", index + 2);
      if (close < 0) return null;
      space = true;
      index = close + 2;
    } else if (char === "/" && next === "/") {
      const close = css.indexOf("\n", index);
      index = close < 0 ? css.length : close;
    } else if (char === "\\") {
      write(css.slice(index, index + 2));
      index += 2;
    } else if (char === '"' || char === "'") {
      const close = closingQuote(css, index);
      if (close < 0) return null;
      write(css.slice(index, close + 1));
      index = close + 1;
    } else if (char === "(") {
      const close = closingParenthesis(css, index);
      if (close < 0) return null;
      write(css.slice(index, close + 1));
      index = close + 1;
    } else {
      write(char);
      index += 1;
    }
  }
  if (space && !"{};".includes(out.at(-1)?.at(-1) || "x")) out.push(" ");
  return out.join("");
}

/**
 * @param {string} css
 * @param {number} open index of the opening quote
 * @returns {number} index of the closing quote, -1 if none
 */
function closingQuote(css, open) {
  const quote = css[open];
  for (let index = open + 1; index < css.length; index += 1) {
    if (css[index] === "\\") index += 1;
    else if (css[index] === quote) return index;
  }
  return -1;
}

/**
 * @param {string} css
 * @param {number} open index of the opening parenthesis
 * @returns {number} index of the matching closing one (quotes inside skipped), -1 if none
 */
function closingParenthesis(css, open) {
  let depth = 0;
  for (let index = open; index < css.length; index += 1) {
    const char = css[index];
    if (char === "\\") index += 1;
    else if (char === '"' || char === "'") {
      index = closingQuote(css, index);
      if (index < 0) return -1;
    } else if (char === "(") depth += 1;
    else if (char === ")" && --depth === 0) return index;
  }
  return -1;
}
