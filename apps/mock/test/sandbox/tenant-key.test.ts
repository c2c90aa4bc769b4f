// Which tenant a call belongs to: the Basic user name, or a digest of a Bearer token, never
// the password or the token itself.
import { describe, expect, it } from "vitest";
import { ANONYMOUS_TENANT, tenantKey } from "../../src/spec/tenant-key.js";

const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;

describe("the tenant of a call", () => {
  it("is the Basic user name, whatever the password", () => {
    expect(tenantKey(basic("alice:first-password"))).toBe("basic:alice");
    expect(tenantKey(basic("alice:another"))).toBe("basic:alice");
    expect(tenantKey(basic("bob:first-password"))).toBe("basic:bob");
  });

  it("is a digest of a Bearer token, which never appears in the key", () => {
    const key = tenantKey("Bearer tok_example_4f9c2b7e1a0d");
    expect(key).toMatch(/^bearer:[0-9a-f]{32}$/);
    expect(key).not.toContain("tok_example");
    expect(tenantKey("Bearer tok_example_4f9c2b7e1a0d")).toBe(key);
    expect(tenantKey("Bearer another-token")).not.toBe(key);
  });

  it("is the anonymous tenant without credentials", () => {
    expect(tenantKey(undefined)).toBe(ANONYMOUS_TENANT);
  });
});
