// Finding 7 of the security review: HOST=0.0.0.0 served every tenant to the whole network with
// no warning. A non-loopback address now needs MOCK_AUTH credentials or --public, and the
// banner says what the choice means.
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/front/config.js";
import { isLoopbackHost, listenNotice, listenRefusal } from "../../src/front/listen-policy.js";
import { createWiredServer } from "../../src/engines.js";

const settings = (argv: string[]) => readConfig(argv, {});

describe("where the mock may listen", () => {
  it("knows loopback names and addresses", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "example.test"]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it("refuses 0.0.0.0 without MOCK_AUTH credentials or --public, naming both", async () => {
    const config = settings(["--host", "0.0.0.0", "--port", "0"]);
    expect(listenRefusal(config)).toMatch(/MOCK_AUTH.*--public/);
    // Refused before anything listens or loads.
    await expect(createWiredServer({ ...config, memory: true })).rejects.toThrow(/--public/);
  });

  it("allows it with listed credentials or --public, and says what that means", () => {
    const listed = settings(["--host", "0.0.0.0", "--auth", "basic:ci:s3cret"]);
    expect(listenRefusal(listed)).toBeUndefined();
    expect(listenNotice(listed)).toMatch(/only the credentials MOCK_AUTH lists pass/);
    const open = settings(["--host", "0.0.0.0", "--public"]);
    expect(listenRefusal(open)).toBeUndefined();
    expect(listenNotice(open)).toMatch(/anyone who reaches it can read and reset every tenant/);
    expect(listenNotice(settings([]))).toBeUndefined();
  });
});
