// @ts-check
// `npm run bench:types`: what the client's declarations cost a user's compiler. Two programs
// (create-client.ts only creates a client; consumer.ts makes the calls of a typical
// integration) are compiled against the built package (run `npm run build` first) with
// TypeScript 5.9 (the repository's) and 7 (installed on first use into a folder of the system's
// temporary directory: a registry package that ships its native `tsc`), each with and without
// `skipLibCheck`, and `--extendedDiagnostics` figures are printed. `--trace DIR` also writes a
// `--generateTrace` of each 5.9 run into DIR, to see which types dominate. empty.ts is the
// baseline: the check of TypeScript's own lib files, which skipLibCheck: false adds to any
// program.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The TypeScript 7 release measured, as in tests/installed (docs/adr/0037). */
const TYPESCRIPT_7 = "7.0.2";
const here = fileURLToPath(new URL(".", import.meta.url));
const traceDir = process.argv.includes("--trace")
  ? process.argv[process.argv.indexOf("--trace") + 1]
  : undefined;

function typescript7() {
  const prefix = join(tmpdir(), `sd-bench-typescript-${TYPESCRIPT_7}`);
  const tsc = join(prefix, "node_modules/typescript/bin/tsc");
  if (!existsSync(tsc)) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, "package.json"), '{ "private": true }\n');
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefix", prefix, `typescript@${TYPESCRIPT_7}`],
      { stdio: "ignore" },
    );
  }
  return tsc;
}

/** @type {[version: string, tsc: string][]} */
const compilers = [
  ["5.9", createRequire(import.meta.url).resolve("typescript/bin/tsc")],
  ["7", typescript7()],
];

/** @param {string} text @param {string} name */
const figure = (text, name) => new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(text)?.[1] ?? "?";

const configs = mkdtempSync(join(tmpdir(), "sd-bench-types-"));
const rows = [];
/** Check seconds of the empty program, by compiler and skipLibCheck. */
const baseline = new Map();
for (const program of ["empty.ts", "create-client.ts", "consumer.ts"]) {
  for (const [version, tsc] of compilers) {
    for (const skipLibCheck of [false, true]) {
      const config = join(configs, `${program}-${skipLibCheck}.tsconfig.json`);
      writeFileSync(
        config,
        JSON.stringify({
          extends: join(here, "tsconfig.json"),
          compilerOptions: { skipLibCheck },
          files: [join(here, program)],
        }),
      );
      const trace =
        traceDir && version === "5.9"
          ? ["--generateTrace", join(traceDir, `${program}-skipLibCheck-${skipLibCheck}`)]
          : [];
      const output = execFileSync(
        process.execPath,
        [tsc, "-p", config, "--extendedDiagnostics", ...trace],
        { encoding: "utf8" },
      );
      const check = Number(figure(output, "Check time"));
      const key = `${version} ${skipLibCheck}`;
      if (program === "empty.ts") baseline.set(key, check);
      rows.push({
        program,
        typescript: version,
        skipLibCheck,
        "check s": check.toFixed(2),
        "check s above empty": (check - baseline.get(key)).toFixed(2),
        "total s": figure(output, "Total time"),
        types: figure(output, "Types"),
        instantiations: figure(output, "Instantiations"),
      });
    }
  }
}
rmSync(configs, { recursive: true, force: true });
console.table(rows);
