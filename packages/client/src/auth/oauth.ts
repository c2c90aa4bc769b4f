// OAuth 2.0 client credentials. One token serves every call until shortly before it expires;
// concurrent calls that find no valid token share a single token request instead of each
// starting one; a 401 drops the token it was sent with, and the refused call repeats once
// with a new one. The token request itself is an ordinary unauthenticated call through the
// client, so it gets the same timeout, 429 handling, hooks and errors as any other.
import type { Authorizer } from "./authorizer.js";

export interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
}

export function createTokenSource(requestToken: () => Promise<TokenAnswer>): Required<Authorizer> {
  // The current `Bearer <token>` header and when to renew it.
  let header: string | undefined;
  let renewAt = 0;
  let pending: Promise<string> | undefined;

  async function renew(): Promise<string> {
    const { access_token: token, expires_in } = await requestToken();
    if (typeof token !== "string") throw new TypeError("OAuth token answer without access_token");
    // Renew when 90% of the announced lifetime has passed; without one, keep it until a 401.
    const lifetimeMs = Number(expires_in) * 1000;
    renewAt = lifetimeMs > 0 ? Date.now() + lifetimeMs * 0.9 : Infinity;
    return (header = `Bearer ${token}`);
  }

  return {
    /** `Bearer <token>`, fetching a token first when none is valid. */
    header: () =>
      header && Date.now() < renewAt
        ? header
        : (pending ??= renew().finally(() => (pending = undefined))),
    /** Forgets the refused token, unless another call already replaced it; the call repeats once. */
    refresh(authorization) {
      if (header === authorization) header = undefined;
      return true;
    },
  };
}
