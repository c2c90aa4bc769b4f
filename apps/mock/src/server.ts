// The mock's HTTP server: one request goes route -> credentials -> parameters (query and body,
// by the real server's rules) -> validation -> Prism's answer. Every failure on the way is a
// problem+json answer; nothing a client sends can stop the server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { checkCredentials } from "./auth.js";
import { API_BASE, type MockConfig } from "./config.js";
import { applyCors } from "./cors.js";
import { loadDescription, type OpenApiDocument } from "./description.js";
import { normaliseRequest } from "./normalise-request.js";
import { indexOperations, type Operation, type OperationTable } from "./operations.js";
import { readPreferences } from "./prefer.js";
import { createPrismAdapter, type MockAnswer, type PrismAdapter } from "./prism-adapter.js";
import {
  invalidParameters,
  type Problem,
  ProblemError,
  problemBody,
  sendProblem,
} from "./problem.js";
import { ClientGoneError } from "./read-body.js";
import { createSchemaCompiler } from "./schema-compiler.js";
import { createStaticSite, type StaticSite } from "./static-site.js";
import { createRequestValidator, type RequestValidator } from "./validate-request.js";

export interface MockServer {
  server: Server;
  document: OpenApiDocument;
  operations: readonly Operation[];
  site: StaticSite;
  /** Starts listening; resolves with the server's root URL, e.g. http://127.0.0.1:4010. */
  listen(): Promise<string>;
  /** Stops accepting requests and closes every open connection. */
  close(): Promise<void>;
}

/** Long enough for a query string with PHP's 1,000 parameters. */
const MAX_HEADER_BYTES = 32 * 1024;

function isProblem(value: MockAnswer | Problem): value is Problem {
  return "title" in value;
}

function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): void {
  const type = answer.headers["content-type"] ?? "application/json";
  const body =
    answer.body === undefined
      ? ""
      : typeof answer.body === "string" && !/json/.test(type)
        ? answer.body
        : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...answer.headers,
    "content-type": type,
    "content-length": Buffer.byteLength(body),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Answers requests Node's parser refuses before they reach the handler (431, 400). */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const body = problemBody({
    status,
    title: tooLarge ? "Request line and headers too large" : "Malformed HTTP request",
    detail: tooLarge
      ? `The request line and headers exceed ${MAX_HEADER_BYTES} bytes; a query string this long is not accepted.`
      : `The request is not valid HTTP/1.1 (${error.code ?? "parse error"}).`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
      `content-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

function splitTarget(url: string): { pathname: string; rawQuery: string } {
  const q = url.indexOf("?");
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? "" : url.slice(q + 1);
  let pathname: string;
  try {
    pathname = rawPath.includes("%") ? decodeURIComponent(rawPath) : rawPath;
  } catch {
    throw new ProblemError({
      status: 400,
      title: "Bad percent-encoding",
      detail: "The path holds a % escape that is not valid percent-encoded UTF-8.",
    });
  }
  return { pathname, rawQuery };
}

interface Pipeline {
  doc: OpenApiDocument;
  config: MockConfig;
  table: OperationTable;
  validators: Map<Operation, RequestValidator>;
  prism: PrismAdapter;
  site: StaticSite;
}

async function handleRequest(p: Pipeline, req: IncomingMessage, res: ServerResponse, url: string) {
  const { pathname, rawQuery } = splitTarget(url);
  if (!pathname.startsWith(`${API_BASE}/`)) {
    p.site.serve(req, res, pathname);
    return;
  }
  const path = pathname.slice(API_BASE.length);
  const route = p.table.route(path, req.method ?? "GET");
  if (route.kind === "not-found") {
    sendProblem(
      res,
      {
        status: 404,
        title: "Unknown path",
        detail: `The description has no endpoint ${path}; /openapi.json lists the ${p.table.operations.length} operations.`,
      },
      pathname,
    );
    return;
  }
  if (route.kind === "method-not-allowed") {
    if (req.method === "OPTIONS") {
      res.writeHead(204, { allow: route.allow.join(", "), "content-length": "0" });
      res.end();
      return;
    }
    sendProblem(
      res,
      {
        status: 405,
        title: "Method not allowed",
        detail: `${path} does not take ${req.method}; it takes ${route.allow.join(", ")}.`,
        headers: { allow: route.allow.join(", ") },
      },
      pathname,
    );
    return;
  }
  const { operation } = route;
  const denied = checkCredentials(p.config.auth, req.headers.authorization);
  if (denied) {
    sendProblem(res, denied, pathname);
    return;
  }
  const validator = p.validators.get(operation);
  if (!validator) throw new Error(`No validator for ${operation.operationId}`);
  const request = await normaliseRequest(
    p.doc,
    req,
    rawQuery,
    route.pathParams,
    validator.parameterSchemas,
    p.config.bodyLimit,
  );
  const invalid = validator.validate(request.params, request.mediaType);
  if (invalid.length > 0) {
    sendProblem(res, invalidParameters(invalid), pathname);
    return;
  }
  const prefer = req.headers.prefer;
  const preferences = readPreferences(Array.isArray(prefer) ? prefer.join(",") : prefer, operation);
  if ("status" in preferences) {
    sendProblem(res, preferences, pathname);
    return;
  }
  const answer = await p.prism.answer(operation, preferences, req.headers.accept);
  if (isProblem(answer)) sendProblem(res, answer, pathname);
  else sendAnswer(req, res, answer);
}

export async function createMockServer(config: MockConfig): Promise<MockServer> {
  const doc = await loadDescription(config.specPath);
  const table = indexOperations(doc);
  const compiler = createSchemaCompiler(doc);
  const validators = new Map<Operation, RequestValidator>();
  for (const operation of table.operations) {
    validators.set(operation, createRequestValidator(doc, compiler, operation));
  }
  const prism = await createPrismAdapter(doc, config.dynamic);
  const site = createStaticSite(config.docsDir, config.specPath, config.specYamlPath);
  const pipeline: Pipeline = { doc, config, table, validators, prism, site };

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const started = config.log ? process.hrtime.bigint() : 0n;
    if (config.log) {
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        console.log(`${req.method} ${req.url} -> ${res.statusCode} (${ms.toFixed(1)} ms)`);
      });
    }
    res.on("error", () => res.destroy());
    req.on("error", () => req.destroy());
    if (applyCors(req, res)) return;
    handleRequest(pipeline, req, res, req.url ?? "/").catch((error: unknown) => {
      if (error instanceof ClientGoneError) {
        res.destroy();
      } else if (error instanceof ProblemError) {
        sendProblem(res, error.problem);
      } else {
        console.error("mock: unexpected failure", error);
        sendProblem(res, {
          status: 500,
          title: "Mock failure",
          detail: "The mock failed on this request; its console shows why.",
        });
      }
    });
  });
  // A client that stalls mid-request must not hold a connection for long.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on("clientError", answerClientError);

  return {
    server,
    document: doc,
    operations: table.operations,
    site,
    listen() {
      return new Promise((resolveUrl, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          server.off("error", reject);
          const { address, port } = server.address() as AddressInfo;
          const host = address.includes(":") ? `[${address}]` : address;
          resolveUrl(`http://${host}:${port}`);
        });
      });
    },
    close() {
      return new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
