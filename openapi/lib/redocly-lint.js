// Runs `redocly lint` on OpenAPI files with a given Redocly configuration and fails on any
// problem, warnings included: `redocly lint` alone exits 0 when it only warns. Shared by this
// package's lint (the Service Desk description) and @sd-toolkit/mock's (its control API), so
// both are held to the same rules the same way. Needs `redocly` on PATH (npm scripts put
// node_modules/.bin there).
import { execFileSync } from "node:child_process";

/**
 * Lints each target (paths relative to `cwd`) with the Redocly `config`, prints one line per
 * target and one per problem, and resolves to true when every target is clean.
 * @param {{ cwd: string, config: string, targets: string[] }} options
 * @returns {boolean}
 */
export function redoclyLint({ cwd, config, targets }) {
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: "off",
    REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  };
  let clean = true;
  for (const target of targets) {
    const args = ["lint", "--config", config, "--format", "json", target];
    let output;
    let stderr = "";
    try {
      output = execFileSync("redocly", args, {
        cwd,
        env,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      // A non-zero exit when problems were found still prints the JSON report; when Redocly
      // itself failed (a YAML syntax error, a crash), stderr says why.
      output = error.stdout;
      stderr = String(error.stderr || error.message);
    }
    let report;
    try {
      report = JSON.parse(output);
    } catch {
      console.error(`${target}: Redocly printed no JSON report. Its error output:\n${stderr}`);
      clean = false;
      continue;
    }
    const { errors, warnings } = report.totals;
    console.log(`${target}: ${errors} errors, ${warnings} warnings`);
    if (errors + warnings > 0) {
      clean = false;
      for (const p of report.problems) {
        const where = p.location?.[0];
        console.log(
          `  ${p.severity} ${p.ruleId}: ${p.message} (${where?.source?.ref ?? target} ${where?.pointer ?? ""})`,
        );
      }
    }
  }
  return clean;
}
