// Where this package is installed: the bundled description, the seeds and the site are
// found from it.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of this package, found from this file whether it runs from src/ or dist/src/. */
export function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, "package.json"))) dir = dirname(dir);
  return dir;
}
