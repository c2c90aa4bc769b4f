// `npm start` at the repository root runs the mock through turbo, whose strict environment mode
// hands a task only the variables turbo.json lists. Every setting the mock README documents
// must reach the mock that way: this starts it with each one (grouped in three starts to keep
// the run short) and reads its effect in the banner, or in the answer where the banner does not
// show it. Each start is bounded in time and its whole process group is always stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
      killGroup("SIGTERM");
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
const MEMORY_START = ["PORT", "MOCK_MEMORY"];

describe("npm start passes every documented setting to the mock", () => {
  it("lists each variable of the mock README in turbo.json, and each is tried below", () => {
    const documented = documentedVariables();
    expect(documented).toEqual(expect.arrayContaining(["MOCK_MODE", "MOCK_SEED", "PORT"]));
    const turbo = JSON.parse(readFileSync(join(repo, "turbo.json"), "utf8")) as {
      globalPassThroughEnv: string[];
    };
    expect(documented.filter((name) => !turbo.globalPassThroughEnv.includes(name))).toEqual([]);
    const tried = new Set([...EXAMPLES_START, ...SANDBOX_START, ...MEMORY_START]);
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

  it("sandbox in memory: MOCK_MEMORY", async () => {
    const mock = npmStart({ PORT: "0", MOCK_MEMORY: "true" });
    try {
      await mock.waitFor(banner);
      expect(mockLines(mock.output())).toMatch(/Answers\s+sandbox: .*in memory \(gone on stop\)/);
    } finally {
      await mock.stop();
    }
  }, 300_000);
});
