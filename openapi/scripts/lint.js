// Lints the split sources and the bundle with the root redocly.yaml and fails on any problem,
// warnings included: `redocly lint` alone exits 0 when it only warns. Run through npm, which
// puts node_modules/.bin on PATH.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));
const targets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["openapi.yaml", "dist/openapi.yaml"];
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

let failed = false;
for (const target of targets) {
  const args = ["lint", "--config", "../redocly.yaml", "--format", "json", target];
  let output;
  let stderr = "";
  try {
    output = execFileSync("redocly", args, {
      cwd: here,
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
    failed = true;
    continue;
  }
  const { errors, warnings } = report.totals;
  console.log(`${target}: ${errors} errors, ${warnings} warnings`);
  if (errors + warnings > 0) {
    failed = true;
    for (const p of report.problems) {
      const where = p.location?.[0];
      console.log(
        `  ${p.severity} ${p.ruleId}: ${p.message} (${where?.source?.ref ?? target} ${where?.pointer ?? ""})`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
