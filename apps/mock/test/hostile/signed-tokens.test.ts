// Finding 4 of the security review: the token issuer kept 10,000 tokens for the whole server,
// oldest dropped first, so any client could log every other out by asking for tokens. Tokens
// are now signed and carry their own grant; and an expired token is called expired every time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenIssuer } from "../../src/front/token-issuer.js";
import { startMock, type RunningMock } from "../../src/index.js";

describe("signed tokens", () => {
  it("keeps one client's token valid whatever another client asks for", () => {
    const issuer = new TokenIssuer(() => 1_000);
    const mine = issuer.issue("alice", ["api.v1.incident:get"]);
    for (let i = 0; i < 10_001; i++) issuer.issue("mallory", ["api.v1.incident:get"]);
    expect(issuer.check(mine)).toEqual({
      clientId: "alice",
      scopes: new Set(["api.v1.incident:get"]),
      expiresAt: 4_600,
    });
  });

  it("refuses a token whose grant was changed, or signed by another process", () => {
    const issuer = new TokenIssuer(() => 1_000);
    const token = issuer.issue("alice", ["api.v1.incident:get"]);
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ c: "bob", s: ["api.v1.incident:get"], e: 9e9 }));
    expect(issuer.check(`${forged.toString("base64url")}.${signature}`)).toBeUndefined();
    expect(new TokenIssuer(() => 1_000).check(token)).toBeUndefined();
    expect(issuer.check("no-dot")).toBeUndefined();
  });
});

describe("an expired token over HTTP", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: "sandbox", memory: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("is answered 'expired' on every use, not 'not issued'", async () => {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "expiring",
      client_secret: "s",
      scope: "api.v1.incident:get",
    });
    const issued = await fetch(`${mock.origin}/oauth/v2.0/access_token`, {
      method: "POST",
      body: form,
    });
    const { access_token: token } = (await issued.json()) as { access_token: string };
    await mock.tenant({ clientId: "expiring" }).clock.advance(3600);
    for (let use = 0; use < 2; use++) {
      const response = await fetch(`${mock.apiUrl}/incident?id=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { title: string }).title).toBe("Token expired");
    }
  });
});
