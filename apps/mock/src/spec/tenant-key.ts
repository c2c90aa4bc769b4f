// Which tenant a request belongs to, from its credentials: each credential gets its own
// sandbox, so parallel test suites never see each other's data. The key never holds a secret:
// a Basic password is dropped and a Bearer token is replaced by a digest of it, because the key
// ends up in file names and may end up in logs.
import { createHash } from "node:crypto";

/** The tenant of requests sent without credentials (allowed only with MOCK_AUTH=none). */
export const ANONYMOUS_TENANT = "anonymous";

export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 32);
}

/** `basic:<user name>`, `bearer:<digest>`, or `anonymous`; assumes checkCredentials passed. */
export function tenantKey(header: string | undefined): string {
  if (!header) return ANONYMOUS_TENANT;
  const space = header.indexOf(" ");
  const scheme = (space > 0 ? header.slice(0, space) : header).toLowerCase();
  const value = space > 0 ? header.slice(space + 1).trim() : "";
  if (scheme === "basic") {
    const pair = Buffer.from(value, "base64").toString("utf8");
    const colon = pair.indexOf(":");
    return `basic:${colon > 0 ? pair.slice(0, colon) : pair}`;
  }
  // A token the token endpoint issued never gets here (authenticate.ts gives it its client's
  // tenant); a token MOCK_AUTH lists is its own tenant.
  if (scheme === "bearer" && value) return `bearer:${tokenDigest(value)}`;
  return ANONYMOUS_TENANT;
}

/** The tenant key of an OAuth client: never a secret, the client id is not one. */
export function oauthTenant(clientId: string): string {
  return `oauth:${clientId}`;
}
