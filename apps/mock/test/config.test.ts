import { describe, expect, it } from "vitest";
import { parseByteSize, readConfig } from "../src/front/config.js";

describe("readConfig", () => {
  it("has the documented defaults", () => {
    const config = readConfig([], {});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4010,
      dynamic: false,
      auth: { kind: "any" },
      bodyLimit: 10 * 1024 * 1024,
      log: false,
    });
    expect(config.specPath).toMatch(/openapi[/\\]dist[/\\]openapi\.json$/);
    expect(config.docsDir).toMatch(/apps[/\\]docs[/\\]dist$/);
  });

  it("reads environment variables, and flags over them", () => {
    const env = { PORT: "4999", HOST: "0.0.0.0", MOCK_DYNAMIC: "1", MOCK_BODY_LIMIT: "2mb" };
    expect(readConfig([], env)).toMatchObject({ port: 4999, host: "0.0.0.0", dynamic: true });
    expect(readConfig(["--port", "5000", "--no-dynamic", "--body-limit=512kb"], env)).toMatchObject(
      {
        port: 5000,
        dynamic: false,
        bodyLimit: 512 * 1024,
      },
    );
    expect(readConfig(["--dynamic"], {}).dynamic).toBe(true);
  });

  it("refuses what it cannot read", () => {
    expect(() => readConfig(["--prot", "1"], {})).toThrow(
      /Unknown option '--prot'.*known:.*--port/,
    );
    expect(() => readConfig(["--port"], {})).toThrow(/--port/);
    expect(() => readConfig(["4010"], {})).toThrow(/positional/);
    expect(() => readConfig(["--dynamic=yes"], {})).toThrow(/--dynamic/);
    expect(() => readConfig([], { PORT: "http" })).toThrow(/PORT/);
    expect(() => readConfig([], { MOCK_DYNAMIC: "maybe" })).toThrow(/MOCK_DYNAMIC/);
  });

  it("parses byte sizes", () => {
    expect(parseByteSize("10mb")).toBe(10 * 1024 * 1024);
    expect(parseByteSize("1.5 KB")).toBe(1536);
    expect(parseByteSize("2048")).toBe(2048);
    expect(() => parseByteSize("lots")).toThrow();
  });
});
