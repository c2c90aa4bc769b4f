// OAuth 2.0 client credentials, as the real server offers them: `POST /oauth/v2.0/access_token`
// trades a client id and secret (form body, or HTTP Basic as RFC 6749 allows) for a Bearer
// token that carries the scopes asked for, one per endpoint and method. A token expires after
// `expires_in` seconds, measured on the sandbox clock of its client, so a test can advance the
// clock to expire it. Tokens are signed, not stored (token-issuer.ts): after a restart a
// client simply asks again.
import type { IncomingMessage, ServerResponse } from "node:http";
import { deref, isObject, type OpenApiDocument } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import { readBody } from "./read-body.js";
import type { TokenIssuer } from "./token-issuer.js";

/** The token endpoint's path, next to `/api/v1` as on a real instance. */
export const TOKEN_PATH = "/oauth/v2.0/access_token";
export { DEFAULT_TOKEN_LIFETIME_S, TokenIssuer, type IssuedToken } from "./token-issuer.js";

/** The scope an operation needs: the oauth2 entry of its `security`, else `api.v1.<endpoint>:<method>`. */
export function operationScopes(doc: OpenApiDocument, operations: readonly Operation[]) {
  const scopes = new Map<Operation, string[]>();
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const operation of operations) {
    const item = deref(doc, paths[operation.path]);
    const raw = isObject(item) ? deref(doc, item[operation.method]) : undefined;
    const security = isObject(raw) && Array.isArray(raw["security"]) ? raw["security"] : [];
    const named = security.flatMap((entry) =>
      isObject(entry) && Array.isArray(entry["oauth2"]) ? entry["oauth2"].map(String) : [],
    );
    scopes.set(
      operation,
      named.length > 0 ? named : [`api.v1.${operation.path.slice(1)}:${operation.method}`],
    );
  }
  return scopes;
}

/** Every scope the description's oauth2 scheme lists (its client credentials flow). */
export function describedScopes(
  doc: OpenApiDocument,
  fallback: Map<Operation, string[]>,
): Set<string> {
  const components = isObject(doc["components"]) ? doc["components"] : {};
  const schemes = isObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  const scheme = deref(doc, schemes["oauth2"]);
  const flows = isObject(scheme) && isObject(scheme["flows"]) ? scheme["flows"] : {};
  const flow = isObject(flows["clientCredentials"]) ? flows["clientCredentials"] : {};
  const listed = isObject(flow["scopes"]) ? Object.keys(flow["scopes"]) : [];
  return new Set(listed.length > 0 ? listed : [...fallback.values()].flat());
}

/** The error body of RFC 6749 section 5.2, with the `status` the API's own errors carry. */
function sendOAuthError(res: ServerResponse, status: number, error: string, description: string) {
  const body = JSON.stringify({ error, error_description: description, status });
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...(status === 401 ? { "www-authenticate": 'Basic realm="Service Desk mock"' } : {}),
  });
  res.end(body);
}

export interface TokenEndpointOptions {
  issuer: TokenIssuer;
  scopes: ReadonlySet<string>;
  /** Whether a client id and secret may have a token (the MOCK_AUTH policy). */
  accepts(clientId: string, secret: string): boolean;
  bodyLimit: number;
}

function readForm(req: IncomingMessage, raw: Buffer): URLSearchParams | undefined {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded")
    return new URLSearchParams(raw.toString("utf8"));
  return undefined;
}

/** `POST /oauth/v2.0/access_token`: the client credentials grant. */
export async function answerTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: TokenEndpointOptions,
): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    sendOAuthError(res, 405, "invalid_request", "The token endpoint takes POST only.");
    return;
  }
  const form = readForm(req, await readBody(req, options.bodyLimit));
  if (!form) {
    sendOAuthError(
      res,
      400,
      "invalid_request",
      "Send the token request as an application/x-www-form-urlencoded body.",
    );
    return;
  }
  const grant = form.get("grant_type");
  if (grant !== "client_credentials") {
    sendOAuthError(
      res,
      400,
      grant ? "unsupported_grant_type" : "invalid_request",
      grant
        ? `Only grant_type=client_credentials is offered, not ${JSON.stringify(grant)}.`
        : "grant_type is required (client_credentials).",
    );
    return;
  }
  let clientId = form.get("client_id") ?? "";
  let secret = form.get("client_secret") ?? "";
  const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (!clientId && basic) {
    const pair = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = pair.indexOf(":");
    if (colon > 0) {
      clientId = pair.slice(0, colon);
      secret = pair.slice(colon + 1);
    }
  }
  if (!clientId || !secret) {
    sendOAuthError(res, 401, "invalid_client", "client_id and client_secret are required.");
    return;
  }
  if (!options.accepts(clientId, secret)) {
    sendOAuthError(res, 401, "invalid_client", "This client id and secret are not accepted.");
    return;
  }
  const asked = (form.get("scope") ?? "").split(" ").filter((s) => s !== "");
  if (asked.length === 0) {
    sendOAuthError(
      res,
      400,
      "invalid_scope",
      "scope is required: a space-separated list such as api.v1.incident:get (there is no wildcard).",
    );
    return;
  }
  const unknown = asked.filter((scope) => !options.scopes.has(scope));
  if (unknown.length > 0) {
    sendOAuthError(
      res,
      400,
      "invalid_scope",
      `The description names no scope ${unknown.join(", ")}; scopes are api.v1.<endpoint>:<method>.`,
    );
    return;
  }
  const granted = [...new Set(asked)];
  const body = JSON.stringify({
    access_token: options.issuer.issue(clientId, granted),
    token_type: "Bearer",
    expires_in: options.issuer.lifetimeS,
    scope: granted.join(" "),
  });
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}
