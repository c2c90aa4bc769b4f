// Where the built reference site lives once this package is installed, for code that serves
// it (the mock does): `dist/index.html` and the description files beside it.
import { fileURLToPath } from "node:url";

/** Absolute path of the folder that holds index.html, openapi.json and openapi.yaml. */
export const siteDir = fileURLToPath(new URL("./dist", import.meta.url));
