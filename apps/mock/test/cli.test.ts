// `npm start` as a user meets it: the built CLI in its own process. The banner's curl line must
// work when pasted, the site and the bundle must be served, no secret may reach the output,
// and SIGTERM and SIGINT must stop it promptly and cleanly, even with a request in flight.
// This runs dist/ (what `npm start` runs); turbo builds it before the tests.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(PACKAGE, "dist/src/cli.js");

/** Fails with a clear message when dist/ is missing or older than src/. */
function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  for (const file of readdirSync(join(PACKAGE, "src"))) {
    if (!file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
    const built = join(PACKAGE, "dist/src", file.replace(/\.ts$/, ".js"));
    if (
      !existsSync(built) ||
      statSync(built).mtimeMs < statSync(join(PACKAGE, "src", file)).mtimeMs
    )
      throw new Error(`dist/ is older than src/${file}: run npm run build first`);
  }
}

interface Cli {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every CLI process a test started, so that afterAll ends each, also when a sibling failed. */
const children: ChildProcess[] = [];

function startCli(env: Record<string, string>): Promise<Cli> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(MOCK_|PORT$|HOST$)/.test(name)),
  );
  const child = spawn(process.execPath, [CLI], {
    // In memory: the default sandbox mode would otherwise leave a .sandbox/ folder behind.
    env: { ...clean, PORT: "0", HOST: "127.0.0.1", MOCK_MEMORY: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 45 s:\n${output}`)), 45_000);
    child.stdout?.on("data", () => {
      if (output.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve({ child, output: () => output, exited });
      }
    });
    void exited.then(({ code }) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

/** Splits a POSIX shell line made of plain words, '...' quotes and \-escapes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (ch === "\\") {
      word = (word ?? "") + line[++i];
    } else if (ch === " ") {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

const bannerLine = (output: string, start: string) =>
  output
    .split("\n")
    .find((line) => line.trim().startsWith(start))
    ?.trim() ?? "";

/** "Promptly": a stop takes milliseconds; the bound only catches a process that hangs. */
const STOP_MS = 10_000;

const hasCurl = spawnSync("curl", ["--version"]).status === 0;

let docsDir: string;
let plain: Cli;
let listed: Cli;
const SECRET = "s3cret-Pa55";

beforeAll(async () => {
  assertBuilt();
  docsDir = mkdtempSync(join(tmpdir(), "mock-cli-docs-"));
  writeFileSync(join(docsDir, "index.html"), "<!doctype html><title>Reference</title>");
  writeFileSync(join(docsDir, "postman.json"), '{"info":{"name":"collection"}}');
  [plain, listed] = await Promise.all([
    startCli({ MOCK_DOCS_DIR: docsDir }),
    startCli({ MOCK_AUTH: `basic:api-integration:${SECRET}`, MOCK_LOG: "1" }),
  ]);
});

afterAll(() => {
  // Not only `plain` and `listed`: when one fails to start, Promise.all rejects before either is
  // assigned, and the other would outlive the test run.
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  if (docsDir) rmSync(docsDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("prints the URLs, and serves the site and the bundle there", async () => {
    const api = bannerLine(plain.output(), "API").split(/\s+/)[1] ?? "";
    expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const root = api.replace(/\/api\/v1$/, "");
    expect(bannerLine(plain.output(), "Reference site")).toContain(`${root}/`);
    expect(bannerLine(plain.output(), "Description")).toContain(`${root}/openapi.yaml`);
    const page = await fetch(`${root}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Reference/);
    const json = await fetch(`${root}/openapi.json`);
    expect((await json.json()).openapi).toMatch(/^3\.1/);
    const yaml = await fetch(`${root}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toMatch(/^openapi: /m);
  });

  it("prints where the Postman collection and the control API are, and both answer there", async () => {
    const api = bannerLine(plain.output(), "API").split(/\s+/)[1] ?? "";
    const root = api.replace(/\/api\/v1$/, "");
    expect(bannerLine(plain.output(), "Postman")).toContain(`${root}/postman.json`);
    const postman = await fetch(`${root}/postman.json`);
    expect(await postman.json()).toEqual({ info: { name: "collection" } });
    const control = bannerLine(plain.output(), "Control API").split(/\s+/)[2] ?? "";
    expect(control).toBe(`${root}/__sandbox/`);
    const clock = await fetch(`${control}clock`, {
      headers: { authorization: `Basic ${Buffer.from("demo:demo").toString("base64")}` },
    });
    expect(clock.status).toBe(200);
    expect(await clock.json()).toMatchObject({ frozen: false });
  });

  it("prints a curl line that works as printed", async () => {
    const line = bannerLine(plain.output(), "curl ");
    const words = shellWords(line);
    expect(words.slice(0, 3)).toEqual(["curl", "-u", "demo:demo"]);
    const url = words.find((w) => w.startsWith("http://"))!;
    expect(url).toMatch(/\?.+=/);
    // What curl does with these words, without curl: GET with Basic credentials.
    const response = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from("demo:demo").toString("base64")}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toBeTypeOf("object");
  });

  // Reported as skipped, not passed, on a machine without curl.
  it.skipIf(!hasCurl)("prints a curl line that curl runs as pasted", () => {
    const line = bannerLine(plain.output(), "curl ");
    const pasted = spawnSync("sh", ["-c", `${line} -s -o /dev/null -w '%{http_code}'`], {
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(pasted.stdout).toBe("200");
  });

  it("prints no secret from MOCK_AUTH and logs none from the query string", async () => {
    const line = bannerLine(listed.output(), "curl ");
    expect(line).toMatch(/^curl -u 'api-integration' /);
    expect(listed.output()).toMatch(/asks for the password/);
    const url = shellWords(line).find((w) => w.startsWith("http://"))!;
    const basic = `Basic ${Buffer.from(`api-integration:${SECRET}`).toString("base64")}`;
    expect((await fetch(url, { headers: { authorization: basic } })).status).toBe(200);
    const wrong = `Basic ${Buffer.from("api-integration:nope").toString("base64")}`;
    expect((await fetch(url, { headers: { authorization: wrong } })).status).toBe(401);
    const withPassword = new URL(url);
    withPassword.searchParams.set("password", "hunter2");
    await fetch(withPassword, { headers: { authorization: basic } });
    await expect.poll(() => listed.output()).toMatch(/password=\*\*\*/);
    expect(listed.output()).not.toContain(SECRET);
    expect(listed.output()).not.toContain("hunter2");
  });

  it("stops on SIGTERM, promptly and with status 0", async () => {
    plain.child.kill("SIGTERM");
    const started = Date.now();
    expect(await plain.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(STOP_MS);
    expect(plain.output()).toMatch(/SIGTERM: stopping/);
  });

  it("stops on SIGINT with a request still arriving, promptly and with status 0", async () => {
    const api = new URL(bannerLine(listed.output(), "API").split(/\s+/)[1] ?? "");
    const socket = connect(Number(api.port), "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(
      `POST /api/v1/incident HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `content-length: 1000\r\n\r\n{"title":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    listed.child.kill("SIGINT");
    const started = Date.now();
    expect(await listed.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(STOP_MS);
    socket.destroy();
  });
});
