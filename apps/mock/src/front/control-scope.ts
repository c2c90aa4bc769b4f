// The control API can reset, rewind and rewrite a tenant, which a token handed to the code
// under test for its API calls should not be able to do. A token from the token endpoint must
// therefore carry this scope to use it (Basic credentials and MOCK_AUTH tokens name their
// tenant outright and need no scope).
import { CONTROL_SCOPE } from "../spec/control.js";
import type { Problem } from "../spec/problem.js";
import type { TokenIssuer } from "./token-issuer.js";

export { CONTROL_SCOPE };

/** 403 when the header holds an issued token without the control scope; else undefined. */
export function missingControlScope(
  header: string | undefined,
  issuer: TokenIssuer,
): Problem | undefined {
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(header ?? "");
  const grant = bearer ? issuer.read(bearer[1]!) : undefined;
  if (!grant || grant.scopes.has(CONTROL_SCOPE)) return undefined;
  return {
    status: 403,
    title: "Missing scope",
    detail: `The control API needs the scope ${CONTROL_SCOPE}; ask the token endpoint for it next to the API scopes.`,
    headers: { "www-authenticate": 'Bearer realm="Service Desk mock", error="insufficient_scope"' },
  };
}
