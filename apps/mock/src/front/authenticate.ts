// Who a call is from: its credentials checked against the policy (auth.ts), a Bearer token
// checked against the tokens the token endpoint issued (expiry, and the scope of the
// operation called), and the tenant the call acts on. A token issued here belongs to the
// tenant of its OAuth client id, so every token of one client sees the same sandbox.
import { checkCredentials } from "./auth.js";
import type { AuthPolicy } from "./config.js";
import type { TokenIssuer } from "./oauth.js";
import type { Operation } from "../spec/operations.js";
import type { Problem } from "../spec/problem.js";
import { oauthTenant, tenantKey } from "../spec/tenant-key.js";

export { oauthTenant };

export type Authentication = { tenant: string } | { problem: Problem };

const CHALLENGE = 'Bearer realm="Service Desk mock"';

export interface AuthenticatorOptions {
  policy: AuthPolicy;
  issuer: TokenIssuer;
  scopes: ReadonlyMap<Operation, readonly string[]>;
  /**
   * Sandbox mode: a Bearer token must be one the token endpoint issued (or one listed in
   * MOCK_AUTH). The examples mode keeps taking any token, since it has no tenants.
   */
  issuedTokensOnly: boolean;
}

export type Authenticator = (
  header: string | undefined,
  operation: Operation | undefined,
) => Authentication;

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { policy, issuer, scopes } = options;
  return (header, operation) => {
    const bearer = /^bearer\s+(\S+)\s*$/i.exec(header ?? "");
    if (bearer) {
      const grant = issuer.check(bearer[1]!);
      if (grant === "expired") {
        return {
          problem: {
            status: 401,
            title: "Token expired",
            detail: `The access token has expired; ask ${"/oauth/v2.0/access_token"} for a new one.`,
            headers: { "www-authenticate": `${CHALLENGE}, error="invalid_token"` },
          },
        };
      }
      if (grant) {
        const needed = operation ? (scopes.get(operation) ?? []) : [];
        const missing = needed.filter((scope) => !grant.scopes.has(scope));
        if (missing.length > 0) {
          return {
            problem: {
              status: 403,
              title: "Missing scope",
              detail: `The access token lacks the scope ${missing.join(" ")} that ${operation!.method.toUpperCase()} ${operation!.path} needs.`,
              headers: { "www-authenticate": `${CHALLENGE}, error="insufficient_scope"` },
            },
          };
        }
        return { tenant: oauthTenant(grant.clientId) };
      }
      const listed = policy.kind === "list" && policy.bearer.has(bearer[1]!);
      if (options.issuedTokensOnly && !listed) {
        return {
          problem: {
            status: 401,
            title: "Unknown token",
            detail:
              "This access token was not issued by this sandbox (or it restarted since); ask /oauth/v2.0/access_token for one.",
            headers: { "www-authenticate": `${CHALLENGE}, error="invalid_token"` },
          },
        };
      }
    }
    const denied = checkCredentials(policy, header);
    if (denied) return { problem: denied };
    return { tenant: tenantKey(header) };
  };
}
