// The version of @sd-toolkit/mock, which reports carry so that a report sent to the project
// says which toolkit produced it. Read from the package's own package.json, found by walking
// up from this file (it runs from src/ in the workspace and from dist/src/ when installed).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function toolkitVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === "@sd-toolkit/mock") return (cached = manifest.version ?? "unknown");
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = "unknown");
    dir = parent;
  }
}
