// The two servers the benchmark compares, each in its own process so neither shares a CPU
// with autocannon's client: the mock (our front + Prism as a library) and Prism's own CLI
// server on the same bundle, with its logging off, which is Prism at its fastest.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchServer {
  name: string;
  /** The server's process, for its memory. */
  pid: number;
  /** Root URL, e.g. http://127.0.0.1:40123 */
  root: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago: the OS picks it, the listener closes at once. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Polls `url` until it answers (any status), for at most `attempts` half-seconds. */
async function waitUntilUp(url: string, child: ChildProcess, attempts = 120): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`${url} did not come up`);
}

async function startProcess(name: string, args: string[], port: number, probePath: string) {
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const root = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(root + probePath, child);
  } catch (error) {
    child.kill();
    throw new Error(`${name} did not start: ${(error as Error).message}\n${errors}`);
  }
  return {
    name,
    pid: child.pid ?? 0,
    root,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

const here = dirname(fileURLToPath(import.meta.url));

/** The mock's CLI; `args` pick the mode (and the sandbox's data folder). */
export async function startFront(
  specPath: string,
  args: string[] = ["--mode", "examples"],
  name = "front (mock)",
): Promise<BenchServer> {
  // bench/ compiles to dist/bench/, next to dist/src/.
  const cli = resolve(here, "../src/cli.js");
  return startProcess(name, [cli, ...args, "--spec", specPath], await freePort(), "/openapi.json");
}

export async function startPrismAlone(specPath: string): Promise<BenchServer> {
  const require = createRequire(import.meta.url);
  const cli = resolve(
    dirname(require.resolve("@stoplight/prism-cli/package.json")),
    "dist/index.js",
  );
  const port = await freePort();
  const args = [
    cli,
    "mock",
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "--verboseLevel",
    "silent",
    specPath,
  ];
  return startProcess("Prism alone", args, port, "/");
}
