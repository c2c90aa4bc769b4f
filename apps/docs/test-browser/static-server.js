// A minimal static file server for the browser test: dist/ on 127.0.0.1 and a port the system
// picks, so the test needs nothing installed and never collides with a running mock or docs.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves `root` over HTTP on 127.0.0.1 until `close()` is called.
 * @param {string} root directory to serve; `/` answers with its index.html
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(root) {
  const server = createServer((request, response) => {
    const pathname = decodedPath(request.url);
    if (pathname === undefined) {
      response.writeHead(400, { "Content-Type": "text/plain" }).end("malformed path\n");
      return;
    }
    const file = normalize(join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    const inside = file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
    if ((request.method !== "GET" && request.method !== "HEAD") || !inside || !isFile(file)) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    const type = CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(file))];
    response.writeHead(200, {
      "Content-Type": type ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    if (request.method === "HEAD") response.end();
    // A read error ends the answer instead of crashing the test process.
    else
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("The static server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The request's path, percent-decoded; undefined when it does not decode.
 * @param {string | undefined} url
 */
function decodedPath(url) {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://127.0.0.1").pathname);
  } catch {
    return undefined;
  }
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
