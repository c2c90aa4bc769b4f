// Lints the control API's description (control.openapi.yaml) and the validation proxy's
// (proxy.openapi.yaml) with the repository's Redocly rules, through the same runner as the
// Service Desk description, and fails on any problem, warnings included.
import { fileURLToPath } from "node:url";
import { redoclyLint } from "@sd-toolkit/openapi/redocly-lint";

const clean = redoclyLint({
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  config: "../../redocly.yaml",
  targets: ["control.openapi.yaml", "proxy.openapi.yaml"],
});
process.exit(clean ? 0 : 1);
