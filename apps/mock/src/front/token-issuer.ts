// Access tokens that carry their own grant: the client id, the scopes and the expiry, signed
// with HMAC-SHA256 under a key drawn when the process starts. The server keeps no table of
// tokens, so no client can push another's tokens out of one (a table of 10,000, oldest dropped
// first, let any client log every other out), and a token stays recognisable after it expires,
// so the answer can say "expired" rather than "unknown". A restart draws a new key: tokens of
// the previous process are refused, as before (decision in docs/adr/0033-signed-access-tokens.md).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** One hour, a common lifetime; the description does not give the real server's. */
export const DEFAULT_TOKEN_LIFETIME_S = 3600;

export interface IssuedToken {
  clientId: string;
  scopes: ReadonlySet<string>;
  /** Sandbox time (epoch seconds) from which the token is refused. */
  expiresAt: number;
}

interface Payload {
  /** client id */
  c: string;
  /** scopes */
  s: string[];
  /** expiry, sandbox epoch seconds */
  e: number;
}

function isPayload(value: unknown): value is Payload {
  if (!value || typeof value !== "object") return false;
  const { c, s, e } = value as Record<string, unknown>;
  return (
    typeof c === "string" &&
    Array.isArray(s) &&
    s.every((scope) => typeof scope === "string") &&
    Number.isSafeInteger(e)
  );
}

export class TokenIssuer {
  private readonly key = randomBytes(32);

  constructor(
    /** Sandbox time of a client's tenant, epoch seconds. */
    private readonly now: (clientId: string) => number,
    readonly lifetimeS = DEFAULT_TOKEN_LIFETIME_S,
  ) {}

  private sign(payload: string): Buffer {
    return createHmac("sha256", this.key).update(payload).digest();
  }

  issue(clientId: string, scopes: readonly string[]): string {
    const payload: Payload = {
      c: clientId,
      s: [...scopes],
      e: this.now(clientId) + this.lifetimeS,
    };
    const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${encoded}.${this.sign(encoded).toString("base64url")}`;
  }

  /** The grant a token carries if this process signed it, expired or not; else undefined. */
  read(token: string): IssuedToken | undefined {
    const dot = token.indexOf(".");
    if (dot <= 0) return undefined;
    const encoded = token.slice(0, dot);
    const signature = Buffer.from(token.slice(dot + 1), "base64url");
    const expected = this.sign(encoded);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      return undefined;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    if (!isPayload(payload)) return undefined;
    return { clientId: payload.c, scopes: new Set(payload.s), expiresAt: payload.e };
  }

  /** The token's grant, `expired`, or undefined when this process never issued it. */
  check(token: string): IssuedToken | "expired" | undefined {
    const grant = this.read(token);
    if (!grant) return undefined;
    return this.now(grant.clientId) >= grant.expiresAt ? "expired" : grant;
  }
}
