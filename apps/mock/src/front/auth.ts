// Credentials, as the real server asks for them: every call needs an Authorization header
// with HTTP Basic or an OAuth Bearer token. The mock has no users, so by default any
// well-formed credentials pass; a list can restrict them (see config.ts).
import type { AuthPolicy } from "./config.js";
import type { Problem } from "../spec/problem.js";

const CHALLENGE = 'Basic realm="Service Desk mock", Bearer realm="Service Desk mock"';

function unauthorized(detail: string): Problem {
  return { status: 401, title: "Unauthorized", detail, headers: { "www-authenticate": CHALLENGE } };
}

/** Refuses bytes that are not UTF-8, which a lenient decode turns into U+FFFD. */
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * `user:password` from a Basic header, or undefined when it is not valid Base64 of UTF-8 text
 * of that shape: decoded leniently, `\xff` and `\xfe` would both become U+FFFD, and two users
 * would share one tenant.
 */
function decodeBasic(token: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return undefined;
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(token, "base64"));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  return colon > 0 ? decoded : undefined;
}

/** A problem to answer with, or undefined when the request may go on. */
export function checkCredentials(
  policy: AuthPolicy,
  header: string | undefined,
): Problem | undefined {
  if (policy.kind === "none") return undefined;
  if (!header) {
    return unauthorized(
      "No credentials: send an Authorization header with HTTP Basic (user and password) or a Bearer token.",
    );
  }
  const space = header.indexOf(" ");
  const scheme = (space > 0 ? header.slice(0, space) : header).toLowerCase();
  const value = space > 0 ? header.slice(space + 1).trim() : "";
  if (scheme === "basic") {
    const pair = decodeBasic(value);
    if (!pair)
      return unauthorized(
        "Malformed Basic credentials: expected Base64 of user:password in UTF-8.",
      );
    if (policy.kind === "list" && !policy.basic.has(pair)) {
      return unauthorized("Invalid credentials: this user and password are not accepted.");
    }
    return undefined;
  }
  if (scheme === "bearer") {
    if (!value) return unauthorized("Empty Bearer token.");
    if (policy.kind === "list" && !policy.bearer.has(value)) {
      return unauthorized("Invalid credentials: this token is not accepted.");
    }
    return undefined;
  }
  return unauthorized(`Unsupported authorization scheme "${scheme}": use Basic or Bearer.`);
}
