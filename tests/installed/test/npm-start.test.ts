// `npm start` at the repository root runs the mock through turbo, whose strict environment mode
// hands a task only the variables turbo.json lists. Every setting the mock README documents
// must reach the mock that way: this starts it with each one (grouped in four starts to keep
// the run short) and reads its effect in the banner, or in the answer where the banner does not
// show it. Each start is bounded in time and its whole process group is always stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMock } from "@sd-toolkit/mock";
import { afterAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "sd-npm-start-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The variables of the mock README's Settings table. */
function documentedVariables(): string[] {
  const readme = readFileSync(join(repo, "apps/mock/README.md"), "utf8");
  const settings = readme.slice(readme.indexOf("## Settings"));
  const table = settings.slice(0, settings.indexOf("\n## "));
  return [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map(([, name]) => name!);
}

/** npm's own variables from the surrounding `npm test` must not steer the inner npm. */
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^npm_/i.test(name) && !/^(MOCK_|PORT$|HOST$)/.test(name),
  ),
);

interface Started {
  output: () => string;
  /** Resolves once the output matches, rejects when the mock exits or 240 s pass first (turbo may build first). */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();

function npmStart(variables: Record<string, string>): Started {
  const child = spawn("npm", ["start"], {
    cwd: repo,
    env: { ...baseEnv, ...variables },
    // Its own process group: npm, turbo and the mock are stopped together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let seen = "";
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  const listeners = new Set<() => void>();
  const read = (chunk: Buffer) => {
    seen += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  return {
    output: () => seen,
    waitFor: (pattern) =>
      new Promise((done, fail) => {
        const timer = setTimeout(() => finish(new Error(`no ${pattern} within 240 s`)), 240_000);
        const check = () => {
          const match = pattern.exec(seen);
          if (match) finish(undefined, match);
        };
        const finish = (error?: Error, match?: RegExpExecArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) fail(new Error(`${error.message}:\n${seen}`));
          else done(match!);
        };
        listeners.add(check);
        void exited.then(() => finish(new Error(`npm start exited before ${pattern}`)));
        check();
      }),
    async stop() {
      running.delete(child);
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const killGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // The group is gone already.
        }
      };
      // What Ctrl-C sends. turbo then stops the mock the way it stops it for a user, and the
      // mock finishes its stop (the proxy writes MOCK_JUNIT); on SIGTERM turbo cut it short.
      killGroup("SIGINT");
      // A mock that does not stop within 10 s is killed.
      const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

afterAll(async () => {
  // A failed assertion leaves its start running: stop every one.
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  }
});

const banner = /Press Ctrl-C to stop\./;
/** Every line of the mock's own output, without turbo's task prefix. */
const mockLines = (output: string) => output.replace(/^@sd-toolkit\/mock:start: /gm, "");

// The variables each start below sets; the test fails when the README documents one more.
const EXAMPLES_START = [
  "PORT",
  "MOCK_MODE",
  "MOCK_DYNAMIC",
  "MOCK_AUTH",
  "MOCK_BODY_LIMIT",
  "MOCK_SPEC",
  "MOCK_DOCS_DIR",
];
const SANDBOX_START = ["PORT", "HOST", "MOCK_DATA_DIR", "MOCK_SEED", "MOCK_LOG"];
const MEMORY_START = [
  "PORT",
  "HOST",
  "MOCK_MEMORY",
  "MOCK_PUBLIC",
  "MOCK_CORS_ORIGIN",
  "MOCK_ALLOWED_HOST",
  "MOCK_MAX_TENANTS",
];
const PROXY_START = [
  "PORT",
  "MOCK_UPSTREAM",
  "MOCK_ALLOW_WRITES",
  "MOCK_UPSTREAM_RPS",
  "MOCK_UPSTREAM_CONCURRENCY",
  "MOCK_UPSTREAM_TIMEOUT",
  "MOCK_FORWARD_INVALID",
  "MOCK_REPORT_VALUES",
  "MOCK_REPORT_UPSTREAM",
  "MOCK_JUNIT",
];

const basic = (user: string) => `Basic ${btoa(`${user}:any`)}`;

/** A GET with a Host header of our choosing, which fetch does not let a caller set. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      url,
      { headers: { host, authorization: basic("npm-start-memory") } },
      (res) => {
        res.resume();
        res.on("end", () => done(res.statusCode ?? 0));
      },
    );
    req.on("error", fail);
    req.end();
  });
}

describe("npm start passes every documented setting to the mock", () => {
  it("lists each variable of the mock README in turbo.json, and each is tried below", () => {
    const documented = documentedVariables();
    expect(documented).toEqual(expect.arrayContaining(["MOCK_MODE", "MOCK_SEED", "PORT"]));
    const turbo = JSON.parse(readFileSync(join(repo, "turbo.json"), "utf8")) as {
      globalPassThroughEnv: string[];
    };
    expect(documented.filter((name) => !turbo.globalPassThroughEnv.includes(name))).toEqual([]);
    const tried = new Set([...EXAMPLES_START, ...SANDBOX_START, ...MEMORY_START, ...PROXY_START]);
    expect(documented.filter((name) => !tried.has(name))).toEqual([]);
  });

  it("examples mode: MOCK_MODE, MOCK_DYNAMIC, MOCK_AUTH, MOCK_BODY_LIMIT, MOCK_SPEC, MOCK_DOCS_DIR, PORT", async () => {
    // A description of one path: the banner counts its operations.
    const bundle = JSON.parse(readFileSync(join(repo, "openapi/dist/openapi.json"), "utf8"));
    const spec = join(work, "one-path.json");
    writeFileSync(
      spec,
      JSON.stringify({ ...bundle, paths: { "/sd.version": bundle.paths["/sd.version"] } }),
    );
    const docs = join(work, "no-site");
    mkdirSync(docs);
    const mock = npmStart({
      PORT: "0",
      MOCK_MODE: "examples",
      MOCK_DYNAMIC: "1",
      MOCK_AUTH: "basic:probe:probe-secret",
      MOCK_BODY_LIMIT: "2mb",
      MOCK_SPEC: spec,
      MOCK_DOCS_DIR: docs,
    });
    try {
      await mock.waitFor(banner);
      const text = mockLines(mock.output());
      expect(text).toMatch(/API\s+http:\/\/127\.0\.0\.1:(?!4010\b)\d+\/api\/v1\s+\(1 operations\)/);
      expect(text).toMatch(/Answers\s+generated by Prism \(dynamic\)/);
      expect(text).toMatch(/Credentials\s+only the 1 listed in MOCK_AUTH/);
      expect(text).toMatch(/Body limit\s+2 MB/);
      expect(text).toContain(`NOT BUILT (${docs}/index.html is missing)`);
      expect(text).not.toContain("probe-secret");
    } finally {
      await mock.stop();
    }
  }, 300_000);

  it("sandbox on disk: MOCK_DATA_DIR, MOCK_SEED, MOCK_LOG, HOST, PORT", async () => {
    const dataDir = join(work, "tenants");
    const seed = join(work, "seed.json");
    const builtin = JSON.parse(
      readFileSync(join(repo, "apps/mock/seed/builtin/requests.json"), "utf8"),
    ) as { records: { request: { id: number }[] } };
    // A copy of request 4211 under an id no built-in record has: readable only from this seed.
    const request = { ...builtin.records.request.find((r) => r.id === 4211), id: 5901 };
    writeFileSync(seed, JSON.stringify({ extends: "builtin", records: { request: [request] } }));
    // Every 127.x address is loopback on Linux; elsewhere only 127.0.0.1 is sure to be there.
    const host = process.platform === "linux" ? "127.0.0.2" : "127.0.0.1";
    const mock = npmStart({
      PORT: "0",
      HOST: host,
      MOCK_DATA_DIR: dataDir,
      MOCK_SEED: seed,
      MOCK_LOG: "1",
    });
    try {
      const [, apiUrl] = await mock.waitFor(/API\s+(http:\/\/\S+\/api\/v1)/);
      await mock.waitFor(banner);
      expect(apiUrl).toMatch(new RegExp(`^http://${host.replaceAll(".", "\\.")}:\\d+/api/v1$`));
      expect(mockLines(mock.output())).toContain(`kept in ${dataDir}`);
      const res = await fetch(`${apiUrl}/incident?id=5901`, {
        headers: { authorization: `Basic ${btoa("npm-start-probe:any")}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: number }).id).toBe(5901);
      // MOCK_LOG: one line for the call.
      await mock.waitFor(/GET \/api\/v1\/incident\S*.*200/);
    } finally {
      await mock.stop();
    }
  }, 300_000);

  it("sandbox in memory: MOCK_MEMORY, MOCK_PUBLIC, HOST, MOCK_CORS_ORIGIN, MOCK_ALLOWED_HOST, MOCK_MAX_TENANTS", async () => {
    // MOCK_PUBLIC shows only on an address beyond loopback; the calls below still go to
    // 127.0.0.1, and the tenants hold the built-in seed only, for the few seconds of the run.
    const mock = npmStart({
      PORT: "0",
      HOST: "0.0.0.0",
      MOCK_MEMORY: "true",
      MOCK_PUBLIC: "1",
      MOCK_CORS_ORIGIN: "http://localhost:5173",
      MOCK_ALLOWED_HOST: "mock.npm-start.test",
      MOCK_MAX_TENANTS: "1",
    });
    try {
      const [, port] = await mock.waitFor(/API\s+http:\/\/0\.0\.0\.0:(\d+)\/api\/v1/);
      await mock.waitFor(banner);
      const text = mockLines(mock.output());
      expect(text).toMatch(/Answers\s+sandbox: .*in memory \(gone on stop\)/);
      expect(text).toMatch(/Network\s+listening on 0\.0\.0\.0 with --public/);
      const url = `http://127.0.0.1:${port}/api/v1/sd.version`;
      const call = (user: string, origin?: string) =>
        fetch(url, {
          headers: { authorization: basic(user), ...(origin ? { origin } : {}) },
        }).then((res) => res.status);
      // MOCK_CORS_ORIGIN: the listed origin's pages are served, another origin's get 403.
      expect(await call("npm-start-memory", "http://localhost:5173")).toBe(200);
      expect(await call("npm-start-memory", "http://elsewhere.example")).toBe(403);
      // MOCK_ALLOWED_HOST: the listed name is answered, another name gets 403.
      expect(await getWithHost(url, `mock.npm-start.test:${port}`)).toBe(200);
      expect(await getWithHost(url, `elsewhere.example:${port}`)).toBe(403);
      // MOCK_MAX_TENANTS=1: a second user's tenant is refused.
      expect(await call("npm-start-second")).toBe(503);
    } finally {
      await mock.stop();
    }
  }, 300_000);

  it("validation proxy: MOCK_UPSTREAM and the proxy's settings", async () => {
    const sandbox = await startMock({ memory: true });
    const junit = join(work, "drift.xml");
    const user = "npm-start-proxy";
    const upstream = sandbox.tenant({ username: user });
    // The sandbox waits 3 s before its next sd.version answer: past MOCK_UPSTREAM_TIMEOUT.
    await upstream.faults.add({ operation: "GET /sd.version", delayMs: 3000 });
    const mock = npmStart({
      PORT: "0",
      MOCK_UPSTREAM: sandbox.apiUrl,
      MOCK_ALLOW_WRITES: "1",
      MOCK_UPSTREAM_RPS: "7",
      MOCK_UPSTREAM_CONCURRENCY: "3",
      MOCK_UPSTREAM_TIMEOUT: "250ms",
      MOCK_FORWARD_INVALID: "1",
      MOCK_REPORT_VALUES: "1",
      MOCK_REPORT_UPSTREAM: "1",
      MOCK_JUNIT: junit,
    });
    try {
      const [, apiUrl] = await mock.waitFor(/API\s+(http:\/\/\S+\/api\/v1)/);
      await mock.waitFor(banner);
      const text = mockLines(mock.output());
      expect(text).toContain(
        `Answers         from ${sandbox.apiUrl} (reads and writes, 7/s, 3 at once)`,
      );
      const get = (path: string) =>
        fetch(`${apiUrl}${path}`, { headers: { authorization: basic(user) } });
      // MOCK_UPSTREAM_TIMEOUT: the delayed answer is given up after 0.25 s.
      const late = await get("/sd.version");
      expect(late.status).toBe(504);
      expect(await late.text()).toContain("within 0.25 s");
      // MOCK_FORWARD_INVALID: a call without its required id reaches the sandbox.
      await get("/incident");
      expect((await upstream.journal()).map((entry) => entry.endpoint)).toContain("/incident");
      // MOCK_REPORT_VALUES and MOCK_REPORT_UPSTREAM: both show in the report.
      const report = (await (
        await fetch(`${new URL(apiUrl!).origin}/__proxy/report`, {
          headers: { authorization: basic(user) },
        })
      ).json()) as {
        valuesShown: boolean;
        instance: { upstream?: string };
      };
      expect(report.valuesShown).toBe(true);
      expect(report.instance.upstream).toBe(sandbox.origin);
    } finally {
      await mock.stop();
      await sandbox.close();
    }
    // MOCK_JUNIT: written when the proxy stops.
    expect(existsSync(junit)).toBe(true);
    expect(readFileSync(junit, "utf8")).toContain("<testsuite");
  }, 300_000);
});
