// Credentials of a console call: HTTP Basic (the sandbox takes any user name, `demo`/`demo` by
// default), or OAuth client credentials exchanged for a token that carries the operation's
// scope, at the token URL next to `/api/v1`, as the client does. Tokens stay in memory only.

/**
 * `Basic <base64 of user:password>`, UTF-8 encoded.
 * @param {string} username
 * @param {string} password
 */
export function basicAuthorization(username, password) {
  if (username.includes(":")) {
    throw new TypeError(
      "The user name cannot hold a colon: Basic credentials split at the first one.",
    );
  }
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The token endpoint of the instance or sandbox behind a base URL.
 * @param {string} baseUrl e.g. `http://127.0.0.1:4010/api/v1`
 */
export function tokenUrlFor(baseUrl) {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
  return `${url.origin}${prefix}/oauth/v2.0/access_token`;
}

export class TokenError extends Error {}

/**
 * Asks the token endpoint for a token with these scopes; answers `Bearer <token>`.
 * @param {{ tokenUrl: string, clientId: string, clientSecret: string, scopes: string[], fetch?: typeof fetch }} options
 */
export async function requestToken({
  tokenUrl,
  clientId,
  clientSecret,
  scopes,
  fetch: send = fetch,
}) {
  const response = await send(tokenUrl, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: scopes.join(" "),
    }),
  });
  /** @type {Record<string, unknown>} */
  let answer = {};
  try {
    answer = await response.json();
  } catch {
    // Not JSON: the status below says what happened.
  }
  if (!response.ok || typeof answer.access_token !== "string") {
    const reason = [answer.error, answer.error_description].filter(Boolean).join(": ");
    throw new TokenError(
      `The token endpoint refused the client credentials (HTTP ${response.status}${reason ? `, ${reason}` : ""}).`,
    );
  }
  return `Bearer ${answer.access_token}`;
}
