// Lints the control API's description (control.openapi.yaml) and the validation proxy's
// (proxy.openapi.yaml), one at a time, with the repository's Redocly rules, the same as the Service Desk description, and fails on any problem, warnings
// included: `redocly lint` alone exits 0 when it only warns. Run through npm, which puts
// node_modules/.bin on PATH.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));
function lint(target) {
  const args = ["lint", "--config", "../../redocly.yaml", "--format", "json", target];
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

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
    // Problems found: the JSON report is still printed. Redocly itself failing: stderr says why.
    output = error.stdout;
    stderr = String(error.stderr || error.message);
  }
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    console.error(`${target}: Redocly printed no JSON report. Its error output:\n${stderr}`);
    process.exit(1);
  }
  const { errors, warnings } = report.totals;
  console.log(`${target}: ${errors} errors, ${warnings} warnings`);
  for (const p of report.problems) {
    console.log(`  ${p.severity} ${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ""})`);
  }
  return errors + warnings;
}

let problems = 0;
for (const target of ["control.openapi.yaml", "proxy.openapi.yaml"]) problems += lint(target);
process.exit(problems > 0 ? 1 : 0);
