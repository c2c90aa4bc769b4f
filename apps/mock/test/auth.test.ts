import { describe, expect, it } from "vitest";
import { checkCredentials } from "../src/front/auth.js";
import { parseAuthPolicy } from "../src/front/config.js";

const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;

describe("checkCredentials", () => {
  const any = parseAuthPolicy("any");

  it("asks for credentials when there are none, with a challenge", () => {
    const problem = checkCredentials(any, undefined);
    expect(problem?.status).toBe(401);
    expect(problem?.headers?.["www-authenticate"]).toMatch(/Basic/);
  });

  it("accepts any well-formed Basic or Bearer credentials by default", () => {
    expect(checkCredentials(any, basic("api-integration:secret"))).toBeUndefined();
    expect(checkCredentials(any, "Bearer abc.def")).toBeUndefined();
    expect(checkCredentials(any, "bearer abc")).toBeUndefined();
  });

  it("refuses malformed credentials and other schemes", () => {
    expect(checkCredentials(any, "Basic !!!")?.status).toBe(401);
    expect(checkCredentials(any, basic("no-colon"))?.status).toBe(401);
    expect(checkCredentials(any, "Bearer")?.status).toBe(401);
    expect(checkCredentials(any, "Digest username=x")?.status).toBe(401);
  });

  it("lets everything through with the none policy", () => {
    expect(checkCredentials(parseAuthPolicy("none"), undefined)).toBeUndefined();
  });

  it("accepts only the listed credentials with a list policy", () => {
    const list = parseAuthPolicy("basic:api:secret,bearer:tok-1");
    expect(checkCredentials(list, basic("api:secret"))).toBeUndefined();
    expect(checkCredentials(list, "Bearer tok-1")).toBeUndefined();
    expect(checkCredentials(list, basic("api:wrong"))?.status).toBe(401);
    expect(checkCredentials(list, "Bearer tok-2")?.status).toBe(401);
  });

  it("refuses a policy it cannot read", () => {
    expect(() => parseAuthPolicy("digest:x")).toThrow(/MOCK_AUTH/);
  });
});
