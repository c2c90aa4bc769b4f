// The packages as users get them: every public workspace packed with `npm pack`, the tarballs
// installed into an empty project in the system's temporary folder (no workspace links, no
// repository files within reach), a strict `nodenext` TypeScript program compiled against
// them and run, and the `sd-toolkit-mock` command started from the installed tarball with npx.
// The install reaches the npm registry: turbo.json passes the machine's CA and proxy settings.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const here = fileURLToPath(new URL("..", import.meta.url));
const rootManifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));

/** npm's own variables from the surrounding `npm test` must not steer the consumer's npm. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
) as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    // A stalled install or program fails the test instead of holding CI until its limit.
    timeout: 600_000,
  });
}

/** The public workspaces, as npm lists them: every one of them must be packed. */
function publicWorkspaces(): { name: string; location: string }[] {
  const all = JSON.parse(run("npm", ["query", ".workspace", "--json"], repo)) as {
    name: string;
    location: string;
    private?: boolean;
  }[];
  return all.filter((w) => !w.private).map(({ name, location }) => ({ name, location }));
}

/** The example the description gives for GET /incident, which the mock answers with. */
function exampleIncident(): { id: number; title: string } {
  const bundle = JSON.parse(readFileSync(join(repo, "openapi/dist/openapi.json"), "utf8"));
  const examples = bundle.paths["/incident"].get.responses["200"].content["application/json"]
    .examples as Record<string, { value: { id: number; title: string } }>;
  const first = Object.values(examples)[0];
  if (!first) throw new Error("GET /incident has no example in the bundle");
  return first.value;
}

/**
 * The TypeScript 7 release the consumer program is also compiled with (`npm i -D typescript`
 * installs 7.x). Its `tsc` is a native binary shipped inside the registry's platform packages
 * (`@typescript/typescript-<os>-<cpu>`), nothing downloaded at install. Installed under the
 * alias `typescript7` next to the repository's own TypeScript.
 */
const TYPESCRIPT_7 = "7.0.2";

const work = mkdtempSync(join(tmpdir(), "sd-installed-"));
const consumer = join(work, "consumer");
const tarballs: { name: string; file: string; size: number; unpackedSize: number }[] = [];
let installSeconds = 0;

beforeAll(() => {
  if (!relative(repo, work).startsWith("..")) throw new Error(`${work} is inside the repository`);
  for (const { name, location } of publicWorkspaces()) {
    const [packed] = JSON.parse(
      run("npm", ["pack", "--json", "--pack-destination", work], resolve(repo, location)),
    ) as { filename: string; size: number; unpackedSize: number }[];
    if (!packed) throw new Error(`npm pack gave nothing for ${name}`);
    tarballs.push({ name, file: join(work, packed.filename), ...packed });
  }
  cpSync(join(here, "consumer"), consumer, { recursive: true });
  const dev = rootManifest.devDependencies as Record<string, string>;
  const started = performance.now();
  run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      ...tarballs.map((t) => t.file),
      `typescript@${dev["typescript"]}`,
      `typescript7@npm:typescript@${TYPESCRIPT_7}`,
      `@types/node@${dev["@types/node"]}`,
    ],
    consumer,
  );
  installSeconds = (performance.now() - started) / 1000;
  console.log(
    [
      "tarballs (packed / unpacked):",
      ...tarballs.map(
        (t) => `  ${t.name.padEnd(22)} ${kB(t.size).padStart(9)} / ${kB(t.unpackedSize)}`,
      ),
      `consumer install (${tarballs.length} tarballs and their dependencies): ${installSeconds.toFixed(1)} s`,
    ].join("\n"),
  );
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe("installed from the tarballs", () => {
  it("packs every public workspace, and nothing links back to the repository", () => {
    expect(tarballs.map((t) => t.name).sort()).toEqual([
      "@sd-toolkit/client",
      "@sd-toolkit/docs",
      "@sd-toolkit/mock",
      "@sd-toolkit/openapi",
      "@sd-toolkit/types",
    ]);
    const tree = JSON.parse(run("npm", ["ls", "--all", "--json", "--long"], consumer));
    const paths = JSON.stringify(tree);
    expect(paths).not.toContain(repo.replace(/\/$/, ""));
  });

  // strict, nodenext, exactOptionalPropertyTypes, noUncheckedIndexedAccess and skipLibCheck
  // false (consumer/tsconfig.json): the declarations of every package are checked too.
  it(`type-checks the program with TypeScript ${TYPESCRIPT_7}`, () => {
    const tsc = join(consumer, "node_modules/typescript7/bin/tsc");
    expect(run("node", [tsc, "--version"], consumer)).toContain(`Version ${TYPESCRIPT_7}`);
    const started = performance.now();
    run("node", [tsc, "-p", ".", "--noEmit"], consumer);
    console.log(`tsc ${TYPESCRIPT_7}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  it("compiles a strict nodenext program against the packages and runs it", () => {
    const version = (rootManifest.devDependencies as Record<string, string>)["typescript"];
    expect(run("npx", ["--no-install", "tsc", "--version"], consumer)).toContain(
      `Version ${version}`,
    );
    const started = performance.now();
    run("npx", ["--no-install", "tsc", "-p", "."], consumer);
    console.log(`tsc ${version}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const output = JSON.parse(run("node", ["dist/main.js"], consumer));
    const expected = exampleIncident();
    expect(output).toMatchObject({
      incident: { id: 4211, title: expected.title },
      // The sandbox's first new request in a tenant is one past the seed's largest id.
      created: { id: 4213, title: "Docking station not detected", status: 1 },
      openapi: "3.1.0",
      yamlFirstLine: "openapi: 3.1.0",
      siteHasRedoc: true,
      unknownUser: null,
      refusal: "ServiceDeskRefusedError",
    });
    expect(output.paths).toBeGreaterThan(90);
    expect(output.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  }, 300_000);

  describe("the sd-toolkit-mock command, started with npx", () => {
    let mock: ChildProcess;
    let apiUrl = "";
    let banner = "";
    beforeAll(async () => {
      mock = spawn("npx", ["--no-install", "sd-toolkit-mock", "--port", "0"], {
        cwd: consumer,
        env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      apiUrl = await new Promise<string>((done, fail) => {
        let seen = "";
        const timer = setTimeout(() => fail(new Error(`no banner within 60 s:\n${seen}`)), 60_000);
        const read = (chunk: Buffer) => {
          seen += chunk.toString();
          const match = /API\s+(http:\/\/\S+\/api\/v1)/.exec(seen);
          // The banner ends with its stop hint: every URL it lists has arrived by then.
          if (match?.[1] && seen.includes("Ctrl-C")) {
            clearTimeout(timer);
            banner = seen;
            done(match[1]);
          }
        };
        mock.stdout?.on("data", read);
        mock.stderr?.on("data", read);
        mock.on("exit", (code) => fail(new Error(`sd-toolkit-mock exited (${code}):\n${seen}`)));
      });
    }, 90_000);
    afterAll(async () => {
      if (mock.pid === undefined || mock.exitCode !== null) return;
      const exited = new Promise((done) => mock.on("exit", done));
      process.kill(-mock.pid, "SIGTERM");
      await exited;
    });

    it("answers the API and serves the site from its dependencies", async () => {
      const auth = { authorization: `Basic ${Buffer.from("api:secret").toString("base64")}` };
      const res = await fetch(`${apiUrl}/incident?id=4211`, { headers: auth });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: number }).id).toBe(4211);
      const page = await fetch(new URL("/", apiUrl));
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const spec = await fetch(new URL("/openapi.json", apiUrl));
      expect(((await spec.json()) as { openapi: string }).openapi).toBe("3.1.0");
    });

    // What the READMEs, the sandbox guide and the site promise at the mock's origin, and every
    // URL the banner itself prints (the control API's description among them once it lists it):
    // each must be served by the installed packages, none may be a 404 of a file left out of
    // a tarball's `files`.
    it("serves every URL that the READMEs and the banner promise", async () => {
      const origin = new URL(apiUrl).origin;
      const promised = ["/", "/openapi.json", "/openapi.yaml", "/postman.json"].map(
        (path) => origin + path,
      );
      const printed = [...banner.matchAll(/http:\/\/[^\s'"]+/g)]
        .map(([url]) => url.replace(/[),.;:]+$/, ""))
        // The API and the control routes need credentials (the API is checked above); of the
        // control API, only its description is a document to fetch.
        .filter(
          (url) =>
            !url.startsWith(apiUrl) &&
            (!new URL(url).pathname.startsWith("/__sandbox") || /\.(json|ya?ml)$/.test(url)),
        );
      const answers = await Promise.all(
        [...new Set([...promised, ...printed])].map(async (url) => {
          const res = await fetch(url);
          await res.body?.cancel();
          return `${res.status} ${url}`;
        }),
      );
      expect(answers.filter((line) => !line.startsWith("200 "))).toEqual([]);
      const collection = await fetch(`${origin}/postman.json`);
      const postman = (await collection.json()) as { info: { schema: string } };
      expect(postman.info.schema).toMatch(/v2\.1/);
    });

    // The client and the types claim Node 20.19: CI sets SD_OLDEST_NODE to such a node.
    const oldest = process.env["SD_OLDEST_NODE"];
    it.skipIf(!oldest)(`runs the client on the oldest Node it claims (${oldest})`, () => {
      const output = JSON.parse(
        execFileSync(oldest ?? "node", ["dist/client-only.js"], {
          cwd: consumer,
          env: { ...env, SD_MOCK_API_URL: apiUrl },
          encoding: "utf8",
        }),
      );
      expect(output.node).toMatch(/^v20\./);
      expect(output).toMatchObject({ id: 4211, title: exampleIncident().title });
    });
  });
});
