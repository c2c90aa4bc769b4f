// Importing the package must stay cheap for every test worker: neither the server nor Prism is
// loaded until startMock() (and Prism only in the examples mode), and `@sd-toolkit/mock/control`
// loads nothing but the control client. Checked on the built package, in a fresh process that
// records every module it resolves.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../dist/src/", import.meta.url));

/** The URLs of every module that importing `entry` resolves. */
function modulesLoadedBy(entry: string): string[] {
  if (!existsSync(DIST + entry)) throw new Error(`${DIST}${entry} is missing: run npm run build`);
  const script = `
    import { registerHooks } from "node:module";
    const seen = [];
    registerHooks({ resolve(specifier, context, next) {
      const found = next(specifier, context); seen.push(found.url); return found; } });
    await import(${JSON.stringify(DIST + entry)});
    console.log(JSON.stringify(seen));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`node failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe("importing the package", () => {
  it("loads neither the server nor Prism", () => {
    const loaded = modulesLoadedBy("index.js");
    expect(loaded.some((url) => url.endsWith("/start-mock.js"))).toBe(true);
    expect(
      loaded.filter((url) => /@stoplight|\/front\/server\.js$|\/engines\.js$/.test(url)),
    ).toEqual([]);
  });

  it("@sd-toolkit/mock/control loads only the control client", () => {
    const loaded = modulesLoadedBy("control.js");
    expect(loaded.some((url) => url.endsWith("/tenant-control.js"))).toBe(true);
    expect(
      loaded.filter((url) => /@stoplight|\/front\/|\/sandbox\/engine\.js$|ajv/.test(url)),
    ).toEqual([]);
  });
});
