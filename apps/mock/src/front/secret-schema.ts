// Whether a schema describes a secret: `format: password` on it or on one of its alternatives.
// A value there is never quoted back (a 428's `received`) nor logged.
import { deref, isObject, type Json, type OpenApiDocument } from "../spec/description.js";

export function isSecretSchema(doc: OpenApiDocument, schema: Json | undefined, depth = 0): boolean {
  const resolved = schema === undefined ? undefined : deref(doc, schema as never);
  if (!isObject(resolved) || depth > 8) return false;
  if (resolved["format"] === "password") return true;
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const branches = resolved[key];
    if (
      Array.isArray(branches) &&
      branches.some((branch) => isSecretSchema(doc, branch, depth + 1))
    )
      return true;
  }
  return false;
}
