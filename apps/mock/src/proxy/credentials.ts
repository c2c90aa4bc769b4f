// The credentials `verify` and `seed pull` call an instance with: a user and password (Basic)
// or an OAuth client (a token from the instance's token endpoint, asked for the scopes of the
// operations the command calls). They live in memory for the run only and are never printed.
import { isObject, type OpenApiDocument } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import { tokenUrl } from "./options.js";
import { callUpstream, UpstreamError } from "./upstream-call.js";

export type InstanceCredentials =
  | { kind: "basic"; username: string; password: string }
  | { kind: "client"; clientId: string; clientSecret: string };

/** The OAuth scopes the description asks for on these operations. */
export function scopesOf(doc: OpenApiDocument, operations: readonly Operation[]): string[] {
  const scopes = new Set<string>();
  for (const operation of operations) {
    const item = doc.paths[operation.path];
    const raw = isObject(item) ? item[operation.method] : undefined;
    const security = isObject(raw) && Array.isArray(raw["security"]) ? raw["security"] : [];
    for (const requirement of security) {
      if (!isObject(requirement)) continue;
      for (const list of Object.values(requirement)) {
        if (Array.isArray(list)) list.forEach((s) => typeof s === "string" && scopes.add(s));
      }
    }
  }
  return [...scopes].sort();
}

/** The Authorization header of every call: Basic at once, or Bearer after a token request. */
export async function authorizationHeader(
  upstream: URL,
  credentials: InstanceCredentials,
  scopes: readonly string[],
  timeoutMs: number,
): Promise<string> {
  if (credentials.kind === "basic") {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  }
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    scope: scopes.join(" "),
  });
  const body = Buffer.from(form.toString());
  const answer = await callUpstream(
    tokenUrl(upstream),
    "POST",
    {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      "content-length": body.length,
    },
    body,
    timeoutMs,
  );
  let token: unknown;
  try {
    token = (JSON.parse(answer.body.toString("utf8")) as { access_token?: unknown }).access_token;
  } catch {
    token = undefined;
  }
  if (answer.status !== 200 || typeof token !== "string") {
    throw new UpstreamError(
      502,
      `The token endpoint ${tokenUrl(upstream).href} refused the client (status ${answer.status}); check --client-id and --client-secret.`,
    );
  }
  return `Bearer ${token}`;
}
