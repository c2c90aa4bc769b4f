// Everything outside the API: the reference site (apps/docs, once built) at `/`, and the
// bundled description at /openapi.json and /openapi.yaml, so the site and the mock share one
// origin and "try it" calls need no CORS. Text files name the origin they were asked from
// (origin-rewrite.ts); a folder asked without its slash is redirected to it.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { API_BASE } from "./config.js";
import { sendProblem } from "../spec/problem.js";
import { createOriginRewriter, type OriginRewriter } from "./origin-rewrite.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".yaml": "application/yaml",
  ".yml": "application/yaml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

/** Files that may hold the built origin in samples, server lists or embedded state. */
const REWRITTEN = new Set([".html", ".js", ".mjs", ".json", ".yaml", ".yml"]);

export interface StaticSite {
  /** Whether the reference site has been built. */
  docsAvailable(): boolean;
  /**
   * Answers a request outside the API; `origin` (request-origin.ts) replaces the built one in
   * text files.
   */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string, origin: string): void;
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  rewritten?: Buffer,
): void {
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": rewritten?.byteLength ?? statSync(file).size,
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  if (rewritten) {
    res.end(rewritten);
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `/console` to `/console/`: the page's relative links (`console.js`) resolve against the
 * folder only with the slash. The query string goes along; a fragment never reaches a server.
 */
function redirectToFolder(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const target = req.url ?? pathname;
  const query = target.indexOf("?");
  // One leading slash: `//name` would send the browser to another host.
  const path = `/${pathname.replace(/^\/+/, "")}`;
  res.writeHead(301, {
    location: `${encodeURI(path)}/${query === -1 ? "" : target.slice(query)}`,
    "content-length": 0,
  });
  res.end();
}

const DOCS_MISSING_PAGE = `<!doctype html>
<meta charset="utf-8">
<title>Service Desk mock</title>
<h1>Service Desk mock</h1>
<p>The API is served at <a href="/api/v1/">/api/v1/</a> and its description at
<a href="/openapi.json">/openapi.json</a> and <a href="/openapi.yaml">/openapi.yaml</a>.</p>
<p>The reference site is not built yet. Build it with
<code>npm run build -w @sd-toolkit/docs</code> (or start the mock with <code>npm start</code> at the
root of the repository, which builds it first) and reload this page.</p>
`;

export function createStaticSite(
  docsDir: string,
  specPath: string,
  specYamlPath: string,
): StaticSite {
  const root = resolve(docsDir);
  const bundleFiles: Record<string, string> = {
    "/openapi.json": specPath,
    "/openapi.yaml": specYamlPath,
  };
  const docsAvailable = () => existsSync(join(root, "index.html"));
  const rewrite: OriginRewriter = createOriginRewriter();
  const send = (req: IncomingMessage, res: ServerResponse, file: string, origin: string) =>
    sendFile(
      req,
      res,
      file,
      REWRITTEN.has(extname(file).toLowerCase()) ? rewrite(file, origin) : undefined,
    );

  return {
    docsAvailable,
    serve(req, res, pathname, origin) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        sendProblem(res, {
          status: 405,
          title: "Method not allowed",
          detail: `Only GET and HEAD are served outside ${API_BASE}.`,
          headers: { allow: "GET, HEAD" },
        });
        return;
      }
      const bundleFile = bundleFiles[pathname];
      if (bundleFile !== undefined) {
        if (isFile(bundleFile)) send(req, res, bundleFile, origin);
        else
          sendProblem(res, {
            status: 404,
            title: "Not found",
            detail: `${bundleFile} is not built.`,
          });
        return;
      }
      if (!docsAvailable()) {
        if (pathname === "/" || pathname === "/index.html") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(req.method === "HEAD" ? undefined : DOCS_MISSING_PAGE);
        } else {
          sendProblem(res, { status: 404, title: "Not found", detail: `Nothing at ${pathname}.` });
        }
        return;
      }
      const file = resolve(root, `.${pathname.endsWith("/") ? `${pathname}index.html` : pathname}`);
      // The resolved file must stay inside the site folder (no `..` escapes).
      const inside = file === root || file.startsWith(root + sep);
      if (inside && isFile(file)) {
        send(req, res, file, origin);
        return;
      }
      if (inside && !pathname.endsWith("/") && isFile(join(file, "index.html"))) {
        redirectToFolder(req, res, pathname);
        return;
      }
      sendProblem(res, { status: 404, title: "Not found", detail: `Nothing at ${pathname}.` });
    },
  };
}
