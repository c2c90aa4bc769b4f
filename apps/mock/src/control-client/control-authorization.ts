// The Authorization header sandboxControl() sends, from the same tenant forms mock.tenant()
// takes. An OAuth client gets a token with the control scope from the sandbox's token endpoint,
// and a new one when the tenant's clock has moved past the old one's expiry: a test that
// advances its clock can still reset it or move it back.
import { CONTROL_SCOPE } from "../spec/control.js";
import type { TenantCredentials } from "./tenant-control.js";

export interface ControlAuthorization {
  /** The header for the next call. */
  header(): Promise<string>;
  /** After a 401 for an expired token: true when a new token will be fetched for one retry. */
  renew(): boolean;
}

const basicHeader = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

async function fetchToken(origin: string, clientId: string, secret: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: secret,
    scope: CONTROL_SCOPE,
  });
  const response = await fetch(`${origin}/oauth/v2.0/access_token`, { method: "POST", body: form });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    throw new Error(
      `Sandbox control: no token for client ${JSON.stringify(clientId)}: ${response.status} ${body.error_description ?? ""}`.trim(),
    );
  }
  return body.access_token;
}

export function controlAuthorization(
  origin: string,
  credentials: string | TenantCredentials,
): ControlAuthorization {
  if (typeof credentials === "string") {
    return { header: async () => credentials, renew: () => false };
  }
  if ("username" in credentials) {
    if (credentials.username.includes(":")) {
      throw new TypeError("A Basic user name cannot hold ':' (the password starts after it).");
    }
    const header = basicHeader(credentials.username, credentials.password ?? "");
    return { header: async () => header, renew: () => false };
  }
  if ("token" in credentials) {
    return { header: async () => `Bearer ${credentials.token}`, renew: () => false };
  }
  const { clientId } = credentials;
  // Any secret passes unless MOCK_AUTH lists clients; then the listed one is needed.
  const secret = credentials.clientSecret ?? "sandbox-control";
  let token: Promise<string> | undefined;
  return {
    header: async () => {
      token ??= fetchToken(origin, clientId, secret);
      token.catch(() => (token = undefined));
      return `Bearer ${await token}`;
    },
    // The caller retries once per call, so a token refused right after issue cannot loop.
    renew: () => {
      token = undefined;
      return true;
    },
  };
}
