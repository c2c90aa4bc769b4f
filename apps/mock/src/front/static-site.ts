// Everything outside the API: the reference site (apps/docs, once built) at `/`, and the
// bundled description at /openapi.json and /openapi.yaml, so the site and the mock share one
// origin and "try it" calls need no CORS.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { API_BASE } from "./config.js";
import { sendProblem } from "../spec/problem.js";

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

export interface StaticSite {
  /** Whether the reference site has been built. */
  docsAvailable(): boolean;
  /** Answers a request outside the API. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): void;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const size = statSync(file).size;
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": size,
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
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

  return {
    docsAvailable,
    serve(req, res, pathname) {
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
        if (isFile(bundleFile)) sendFile(req, res, bundleFile);
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
      if ((file === root || file.startsWith(root + sep)) && isFile(file)) {
        sendFile(req, res, file);
        return;
      }
      sendProblem(res, { status: 404, title: "Not found", detail: `Nothing at ${pathname}.` });
    },
  };
}
