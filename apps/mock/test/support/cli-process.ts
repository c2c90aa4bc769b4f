// The built CLI (dist/) in a child process of its own, for tests that must kill a server the
// hard way (SIGKILL) or run two servers over one data folder. Build first: turbo does.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = join(fileURLToPath(new URL("../..", import.meta.url)), "dist/src/cli.js");

export interface CliServer {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/api/v1 */
  api: string;
  exited: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startCliServer(args: string[]): Promise<CliServer> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(MOCK_|PORT$|HOST$)/.test(name)),
  );
  const child = spawn(process.execPath, [CLI, "--port", "0", ...args], {
    env: clean,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    // Only a hang fails this: starting compiles the whole description, slow on a busy machine.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no banner in 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const api = /API\s+(http:\/\/\S+\/api\/v1)/.exec(output)?.[1];
      if (api && output.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve({ child, api, exited, stop });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited with ${code} before it was ready:\n${output}`));
    });
  });
}
