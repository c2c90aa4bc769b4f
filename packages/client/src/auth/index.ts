// Validates `options.auth` and turns it into one interface over the three modes, so that the
// transport only asks "which Authorization header now?" and, on a 401, "can it be renewed?".
import {
  checkUrl,
  fail,
  text,
  type OAuthClientCredentials,
  type ServiceDeskClientOptions,
} from "../options.js";
import { basicAuthorization } from "./basic.js";
import type { Authorizer } from "./authorizer.js";
import { createTokenSource, type TokenAnswer } from "./oauth.js";

/** Sends a form to a URL outside the API, without Authorization, and returns the parsed answer. */
export type PostForm = (url: string, form: Record<string, string>) => Promise<TokenAnswer>;

type AnyAuth = Partial<
  OAuthClientCredentials & { username: string; password: string; token: string }
>;

export function createAuthorizer(
  options: ServiceDeskClientOptions,
  baseUrl: string,
  postForm: PostForm,
): Authorizer {
  const auth = options.auth as AnyAuth | undefined;
  // A credential field as a non-empty string, or an error naming it.
  const field = (name: keyof AnyAuth) => text(auth![name], `auth.${name}`);
  let header: string | undefined;
  if (auth && typeof auth === "object") {
    if ("username" in auth) {
      const username = field("username");
      // Basic joins the two with a colon and the server splits at the first one: `C:\\work` would
      // sign in as "C" with the rest taken for the password.
      if (username.includes(":")) {
        fail("auth.username", "must not contain ':'");
      }
      header = basicAuthorization(username, field("password"));
    } else if ("token" in auth) header = `Bearer ${field("token")}`;
    else if ("clientId" in auth) {
      const { scopes, tokenUrl } = auth;
      if (!Array.isArray(scopes)) fail("auth.scopes", "must be an array");
      const url =
        tokenUrl == null
          ? `${baseUrl.replace(/\/api\/v1$/, "")}/oauth/v2.0/access_token`
          : checkUrl("auth.tokenUrl", tokenUrl, options.allowInsecureHttp);
      const form = {
        grant_type: "client_credentials",
        client_id: field("clientId"),
        client_secret: field("clientSecret"),
        scope: scopes.join(" "),
      };
      return createTokenSource(() => postForm(url, form));
    }
  }
  if (header === undefined) {
    fail("auth", "must be {username, password}, {token} or {clientId, clientSecret, scopes}");
  }
  return { header: () => header };
}
