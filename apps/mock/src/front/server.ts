// The mock's HTTP server: one request goes route -> credentials -> parameters (query and body,
// by the real server's rules) -> validation -> the engine's answer (the sandbox's state, or
// Prism's examples). Every failure on the way is an error answer; nothing a client sends can
// stop the server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createAuthenticator, oauthTenant, type Authenticator } from "./authenticate.js";
import { API_BASE, type MockConfig } from "./config.js";
import { CONTROL_SCOPE, missingControlScope } from "./control-scope.js";
import { applyCors } from "./cors.js";
import { createHostCheck } from "./host-check.js";
import { requestOrigin } from "./request-origin.js";
import { listenRefusal } from "./listen-policy.js";
import type { OpenApiDocument } from "../spec/description.js";
import { normaliseRequest } from "./normalise-request.js";
import type { Operation, OperationTable } from "../spec/operations.js";
import type { LoadedSpec } from "../spec/load.js";
import {
  answerTokenRequest,
  describedScopes,
  operationScopes,
  TOKEN_PATH,
  TokenIssuer,
  type TokenEndpointOptions,
} from "./oauth.js";
import { redactParams, redactTarget, secretParameterNames } from "./redact-target.js";
import { answerControl, CONTROL_BASE } from "./control-routes.js";
import type { FaultAction } from "../spec/control.js";
import type { AnswerEngine, MockAnswer } from "../spec/engine.js";
import {
  invalidParameters,
  type Problem,
  ProblemError,
  problemBody,
  sendProblem,
  answerErrorsAsJson,
  asksForProblemJson,
} from "../spec/problem.js";
import { ClientGoneError, readBody } from "./read-body.js";
import { createStaticSite, type StaticSite } from "./static-site.js";
import { createRequestValidator, type RequestValidator } from "./validate-request.js";

export interface MockServer {
  server: Server;
  document: OpenApiDocument;
  operations: readonly Operation[];
  site: StaticSite;
  engine: AnswerEngine;
  /** The token endpoint's issuer: reads the grant of a token it signed. */
  tokens: TokenIssuer;
  /** Starts listening; resolves with the server's root URL, e.g. http://127.0.0.1:4010. */
  listen(): Promise<string>;
  /** Stops accepting requests and closes every open connection. */
  close(): Promise<void>;
}

/** Long enough for a query string with PHP's 1,000 parameters. */
const MAX_HEADER_BYTES = 32 * 1024;
/** A client that stalls mid-request must not hold a connection for long. */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;
/**
 * How often Node looks for requests past those timeouts. Its default (30 s) let a body that
 * never finishes hold its connection for up to a minute instead of 30 s.
 */
const TIMEOUT_CHECK_MS = 1_000;
/**
 * A connection with no traffic either way for this long is closed: the request timeouts stop
 * applying once a request has arrived, so a client that never reads a large answer (the
 * bundle, the site) would otherwise hold its socket and file open for good.
 */
const IDLE_TIMEOUT_MS = 120_000;

function isProblem(value: MockAnswer | Problem): value is Problem {
  return "title" in value;
}

function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): void {
  const type = answer.headers["content-type"] ?? "application/json";
  const body =
    answer.body === undefined
      ? ""
      : Buffer.isBuffer(answer.body)
        ? answer.body
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

const CLIENT_ERRORS: Record<string, { status: number; reason: string; title: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: "Request Header Fields Too Large",
    title: "Request line and headers too large",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: "Request Timeout",
    title: "Request not received in time",
  },
};

/**
 * Answers requests Node's parser refuses before they reach the handler (431, 400), and those
 * that never finish arriving (408: Node reports a slow request here too; it used to be
 * answered as a malformed one).
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket, server: Server): void {
  // Like Node's own handler: no raw answer when a response has already started on this socket
  // (it would land in the middle of it), nor when the client has gone.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || error.code === "ECONNRESET" || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const known = CLIENT_ERRORS[error.code ?? ""];
  const status = known?.status ?? 400;
  const details: Record<number, string> = {
    431: `The request line and headers exceed ${MAX_HEADER_BYTES} bytes; a query string this long is not accepted.`,
    408: `The request was not complete within ${server.requestTimeout / 1000} s (its headers within ${server.headersTimeout / 1000} s); the connection is closed.`,
  };
  const body = problemBody({
    status,
    title: known?.title ?? "Malformed HTTP request",
    detail:
      details[status] ?? `The request is not valid HTTP/1.1 (${error.code ?? "parse error"}).`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${known?.reason ?? "Bad Request"}\r\n` +
      `content-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

/** `http://host/api/v1/x?y` (absolute-form, RFC 9112 3.2.2, sent through proxies) -> `/api/v1/x?y`. */
function originForm(url: string): string {
  if (url.startsWith("/")) return url;
  const match = /^https?:\/\/[^/?#]*/i.exec(url);
  if (!match) return url;
  const rest = url.slice(match[0].length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/** A request under /api/v1/ (by its raw target, before any decoding can fail). */
function isApiTarget(target: string): boolean {
  return originForm(target).startsWith(`${API_BASE}/`);
}

function splitTarget(target: string): { pathname: string; rawQuery: string } {
  const url = originForm(target);
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
  engine: AnswerEngine;
  site: StaticSite;
  authenticate: Authenticator;
  tokens: TokenEndpointOptions;
  /** Lower-case names of the parameters the description marks `format: password`. */
  secrets: ReadonlySet<string>;
}

/** A fault's error answer, in the real server's `{error, status}` body. */
function sendFaultStatus(res: ServerResponse, action: { status: number; retryAfter?: number }) {
  const body = JSON.stringify({
    error: `Fault injected by the sandbox's control API: ${action.status}.`,
    status: action.status,
  });
  res.writeHead(action.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(action.retryAfter === undefined ? {} : { "retry-after": String(action.retryAfter) }),
  });
  res.end(body);
}

async function handleControl(
  p: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) {
  const control = p.engine.control;
  if (!control) {
    sendProblem(res, {
      status: 404,
      title: "No control API",
      detail: "The control API belongs to the sandbox mode; this mock runs the examples mode.",
    });
    return;
  }
  const auth = p.authenticate(req.headers.authorization, undefined);
  if ("problem" in auth) {
    // No Basic challenge here: a browser would answer it with a login box, and then send the
    // credentials typed there with every request a page makes to the control API.
    const { headers, ...problem } = auth.problem;
    const challenge = headers?.["www-authenticate"];
    sendProblem(
      res,
      {
        ...problem,
        headers: {
          ...headers,
          "www-authenticate":
            challenge && /bearer/i.test(challenge) && !/basic/i.test(challenge)
              ? challenge
              : 'Bearer realm="Service Desk mock"',
        },
      },
      pathname,
    );
    return;
  }
  const unscoped = missingControlScope(req.headers.authorization, p.tokens.issuer);
  if (unscoped) {
    sendProblem(res, unscoped, pathname);
    return;
  }
  await answerControl(
    req,
    res,
    pathname.slice(CONTROL_BASE.length),
    auth.tenant,
    control,
    p.config.bodyLimit,
  );
}

async function handleRequest(p: Pipeline, req: IncomingMessage, res: ServerResponse, url: string) {
  const { pathname, rawQuery } = splitTarget(url);
  if (pathname === TOKEN_PATH && p.engine.answerTokenRequest) {
    const body = await readBody(req, p.config.bodyLimit);
    const answer = await p.engine.answerTokenRequest({
      method: req.method ?? "POST",
      path: pathname,
      rawQuery,
      headers: req.headers,
      body,
    });
    if (isProblem(answer)) sendProblem(res, answer, pathname);
    else sendAnswer(req, res, answer);
    return;
  }
  if (pathname === TOKEN_PATH) {
    await answerTokenRequest(req, res, p.tokens);
    return;
  }
  const own = p.engine.answerOwnRoute?.(req.method ?? "GET", pathname);
  if (own) {
    // The same credentials as the API: the report lists what the instance's answers held.
    const auth = p.authenticate(req.headers.authorization, undefined);
    if ("problem" in auth) sendProblem(res, auth.problem, pathname);
    else sendAnswer(req, res, await own);
    return;
  }
  if (pathname === CONTROL_BASE || pathname.startsWith(`${CONTROL_BASE}/`)) {
    await handleControl(p, req, res, pathname);
    return;
  }
  if (!pathname.startsWith(`${API_BASE}/`)) {
    p.site.serve(req, res, pathname, requestOrigin(req));
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
  const auth = p.authenticate(req.headers.authorization, operation);
  if ("problem" in auth) {
    sendProblem(res, auth.problem, pathname);
    return;
  }
  const { tenant } = auth;
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
  // The sandbox journals every call that got this far, faulted or not, for tests to assert on.
  const control = p.engine.control;
  control?.noteCall(tenant);
  const journal = (status: number | null) =>
    control?.journal.record(tenant, {
      time: control.now(tenant),
      method: req.method ?? "GET",
      endpoint: operation.path,
      operationId: operation.operationId,
      params: redactParams(request.params, p.secrets),
      status,
    });
  const invalid = validator.validate(request.params, request.mediaType);
  if (invalid.length > 0 && !p.engine.answersInvalidCalls) {
    journal(428);
    sendProblem(res, invalidParameters(invalid), pathname);
    return;
  }
  const fault: FaultAction | undefined = control?.faults.take(tenant, operation.operationId);
  if (fault && "drop" in fault) {
    journal(null);
    req.socket.destroy();
    return;
  }
  if (fault && "status" in fault) {
    journal(fault.status);
    sendFaultStatus(res, fault);
    return;
  }
  if (fault) await new Promise((wake) => setTimeout(wake, fault.delayMs));
  const answer = await p.engine.answer({
    operation,
    params: request.params,
    headers: req.headers,
    tenant,
    wire: { method: req.method ?? "GET", path, rawQuery, headers: req.headers, body: request.body },
  });
  journal(answer.status);
  if (isProblem(answer)) sendProblem(res, answer, pathname);
  else sendAnswer(req, res, answer);
}

/**
 * The front over `engine`; the wiring (engines.ts) builds the engine and loads `spec` once, and
 * refuses an unsafe listen address before it opens anything (`listenRefusal`, checked here too
 * for callers that build the front themselves).
 */
export function createMockServer(
  config: MockConfig,
  engine: AnswerEngine,
  { doc, table, compiler }: LoadedSpec,
): MockServer {
  const refusal = listenRefusal(config);
  if (refusal) throw new Error(refusal);
  const validators = new Map<Operation, RequestValidator>();
  for (const operation of table.operations) {
    validators.set(operation, createRequestValidator(doc, compiler, operation));
  }
  const site = createStaticSite(config.docsDir, config.specPath, config.specYamlPath);
  const secrets = secretParameterNames(doc, table.operations);
  const scopes = operationScopes(doc, table.operations);
  const control = engine.control;
  // A token's expiry is measured on the sandbox clock of its client's tenant, so advancing
  // that clock expires it; the examples mode has no tenants and uses the machine's time.
  const issuer = new TokenIssuer((clientId) =>
    control ? control.now(oauthTenant(clientId)) : Math.floor(Date.now() / 1000),
  );
  const policy = config.auth;
  const pipeline: Pipeline = {
    doc,
    config,
    table,
    validators,
    engine,
    site,
    secrets,
    authenticate: createAuthenticator({
      policy,
      issuer,
      scopes,
      issuedTokensOnly: control !== undefined,
    }),
    tokens: {
      issuer,
      scopes: control
        ? new Set([...describedScopes(doc, scopes), CONTROL_SCOPE])
        : describedScopes(doc, scopes),
      accepts: (id, secret) => policy.kind !== "list" || policy.basic.has(`${id}:${secret}`),
      bodyLimit: config.bodyLimit,
    },
  };

  const loggedSecrets = new Set([...secrets, "client_secret"]);
  const checkHost = createHostCheck(config.host, config.allowedHosts);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = config.log ? process.hrtime.bigint() : 0n;
    if (config.log) {
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // The target without secrets: the user operations take passwords in the query string,
        // and a token request may carry its client secret there.
        console.log(
          `${req.method} ${redactTarget(req.url ?? "/", loggedSecrets)} -> ${res.statusCode} (${ms.toFixed(1)} ms)`,
        );
      });
    }
    res.on("error", () => res.destroy());
    req.on("error", () => req.destroy());
    // Clients of the API decode its errors as the JSON the description gives them.
    if (isApiTarget(req.url ?? "/") && !asksForProblemJson(req.headers.accept))
      answerErrorsAsJson(res);
    const wrongHost = checkHost(req.headers.host);
    if (wrongHost) {
      sendProblem(res, wrongHost);
      return;
    }
    if (applyCors(req, res, config.corsOrigins)) return;
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
  };
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, connectionsCheckingInterval: TIMEOUT_CHECK_MS },
    handle,
  );
  // `Expect: 100-continue` with a body over the limit: answer (413) without inviting the body
  // that Node's default would ask for, and close the connection, since the body it announced
  // is not coming.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers["content-length"]) > config.bodyLimit) {
      res.setHeader("connection", "close");
    } else {
      res.writeContinue();
    }
    handle(req, res);
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.timeout = IDLE_TIMEOUT_MS;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(error, socket, server),
  );

  return {
    server,
    document: doc,
    operations: table.operations,
    site,
    engine,
    tokens: issuer,
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
    async close() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await engine.close();
    },
  };
}
