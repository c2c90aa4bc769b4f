// The bin's command surface: one --help that lists the server and every command, and a clear
// usage error (exit 2) for a command it does not have.
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/dispatch.js";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the bin's commands", () => {
  it("lists the server, verify and seed pull in one --help", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    for (const line of [
      "sd-toolkit-mock [flags]",
      "sd-toolkit-mock verify",
      "sd-toolkit-mock seed pull",
      "--upstream",
      "--allow-writes",
      "--max-calls N",
      "--requests N",
    ]) {
      expect(help.out).toContain(line);
    }
  });

  it("leaves server flags to the server", async () => {
    expect((await run(["--port", "0"])).code).toBeUndefined();
  });

  it("names an unknown seed subcommand and exits 2", async () => {
    const bad = await run(["seed", "push"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown subcommand "push"');
  });

  it("refuses seed pull without --out", async () => {
    const bad = await run([
      "seed",
      "pull",
      "--upstream",
      "http://127.0.0.1:9/api/v1",
      "--username",
      "u",
      "--password",
      "p",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--out FILE is required");
  });
});
