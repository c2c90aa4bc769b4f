// Post-processing of the page that build-docs writes, so that it never calls home:
// - the "API docs by Redocly" badge loads its logo from a CDN when the page starts; it is
//   replaced by a small inline image (a data: URL makes no request);
// - telemetry must be off in the options the page starts with;
// - no markup may still point a browser at another host (scripts, styles, images, fonts, frames).
// The browser test is the proof; these checks stop a bad page at build time with a clear reason.

/** The badge logos Redoc 3 loads at runtime. */
export const REDOC_LOGO_URLS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];

/** A neutral local stand-in for the logo: the word "Redoc" in a small rounded box. */
export const LOCAL_LOGO =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="16" viewBox="0 0 52 16">' +
      '<rect width="52" height="16" rx="3" fill="#0044d4"/>' +
      '<text x="26" y="12" font-family="sans-serif" font-size="11" fill="#fff" text-anchor="middle">Redoc</text>' +
      "</svg>",
  );

/**
 * Replaces every known outside asset of the page by a local one.
 * @param {string} html
 * @returns {{ html: string, replaced: string[] }} the page and the URLs that were replaced
 */
export function localiseAssets(html) {
  const replaced = [];
  let result = html;
  for (const url of REDOC_LOGO_URLS) {
    if (!result.includes(url)) continue;
    result = result.split(url).join(LOCAL_LOGO);
    replaced.push(url);
  }
  return { html: result, replaced };
}

/**
 * Throws unless the options the page starts Redoc with turn telemetry off.
 * @param {string} html
 */
export function assertTelemetryOff(html) {
  const options = /const __redoc_options = (\{.*?\});/.exec(html)?.[1];
  if (!options)
    throw new Error(
      "The page has no __redoc_options: the build-docs output changed, check it by hand",
    );
  if (JSON.parse(options).disableTelemetry !== true) {
    throw new Error(
      `Telemetry is on in the built page (${options}); set "telemetry: off" in redocly.yaml`,
    );
  }
}

/** Elements whose URL attributes the browser loads by itself (anchors are only followed on a click). */
const LOADING_ELEMENTS = new Set([
  "script",
  "link",
  "img",
  "iframe",
  "frame",
  "source",
  "video",
  "audio",
  "track",
  "embed",
  "object",
  "image",
  "use",
  "input",
  "meta",
]);
const URL_ATTRIBUTES =
  /\s(src|href|srcset|data|poster|xlink:href|content)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const REMOTE = /^\s*(https?:)?\/\//i;

/**
 * Outside URLs a browser would load from the page's markup and styles: asset attributes of
 * loading elements, CSS `url()` and `@import`, module imports and preloads. Text inside
 * scripts is only looked at for imports; the renderer's bundle is full of documentation links
 * that are never fetched.
 * @param {string} html
 * @returns {string[]}
 */
export function outsideAssetReferences(html) {
  const found = new Set();
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2");
  for (const [, name = "", attributes = ""] of markup.matchAll(/<([a-z][\w:-]*)\b([^>]*)>/gi)) {
    if (!LOADING_ELEMENTS.has(name.toLowerCase())) continue;
    for (const [, attribute = "", rawValue = ""] of attributes.matchAll(URL_ATTRIBUTES)) {
      const value = rawValue.replace(/^["']|["']$/g, "");
      // <meta content> only loads in a refresh; srcset lists several URLs.
      const refresh = /http-equiv\s*=\s*["']?refresh/i.test(attributes);
      if (attribute.toLowerCase() === "content" && !refresh) continue;
      for (const candidate of value.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "")) {
        if (REMOTE.test(candidate)) found.add(candidate);
      }
    }
  }
  for (const [, url] of markup.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi))
    found.add(url);
  for (const [, url] of markup.matchAll(/@import\s+(?:url\()?\s*["']((?:https?:)?\/\/[^"']+)/gi))
    found.add(url);
  for (const [, url] of html.matchAll(
    /\bimport\s*(?:[\w*{}\s,]+from\s*)?["']((?:https?:)?\/\/[^"']+)["']/g,
  ))
    found.add(url);
  for (const [, url] of html.matchAll(/\bimport\(\s*["']((?:https?:)?\/\/[^"']+)["']\s*\)/g))
    found.add(url);
  return [...found];
}
