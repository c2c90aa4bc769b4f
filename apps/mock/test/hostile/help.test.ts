// The flags added for the security review are in --help, with their environment variables.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../../dist/src/cli.js", import.meta.url));

describe("sd-toolkit-mock --help", () => {
  it("lists every setting with its variable, the new ones included", () => {
    const text = execFileSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
    for (const [flag, variable] of [
      ["--public", "MOCK_PUBLIC"],
      ["--cors-origin", "MOCK_CORS_ORIGIN"],
      ["--allowed-host", "MOCK_ALLOWED_HOST"],
      ["--max-tenants", "MOCK_MAX_TENANTS"],
      ["--data-dir", "MOCK_DATA_DIR"],
    ]) {
      expect(text).toMatch(new RegExp(`${flag}\\b.*${variable}`));
    }
    expect(text).toContain("prune --idle-days N");
  });
});
