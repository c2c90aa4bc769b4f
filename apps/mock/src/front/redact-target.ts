// The request log hides the values of secret parameters. Which parameters are secret is read
// from the description, not listed here: every query parameter and body field it marks
// `format: password` (the user operations take passwords, and the server also reads body
// fields from the query string, where a log line would show them).
import {
  deref,
  isObject,
  type Json,
  type JsonObject,
  type OpenApiDocument,
} from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import { propertyNames, propertySchema } from "../spec/schema-navigation.js";

const isSecret = (doc: OpenApiDocument, schema: unknown) => {
  const resolved = deref(doc, schema as never);
  return isObject(resolved) && resolved["format"] === "password";
};

/** The names (lower case) of the parameters and body fields the description marks as secrets. */
export function secretParameterNames(
  doc: OpenApiDocument,
  operations: readonly Operation[],
): Set<string> {
  const names = new Set<string>();
  for (const operation of operations) {
    for (const p of operation.parameters) {
      if (isSecret(doc, p.schema)) names.add(p.name.toLowerCase());
    }
    for (const schema of operation.bodySchemas.values()) {
      for (const name of propertyNames(doc, schema)) {
        if (isSecret(doc, propertySchema(doc, schema, name))) names.add(name.toLowerCase());
      }
    }
  }
  return names;
}

/**
 * The request target for the log line, with the values of secret parameters replaced. A name
 * counts without its brackets (`pass[]`) and in any case, as decoded from the URL.
 */
export function redactTarget(url: string, secrets: ReadonlySet<string>): string {
  const q = url.indexOf("?");
  if (q === -1 || secrets.size === 0) return url;
  const pairs = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq === -1) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // a name that does not decode is logged as it came, and checked as it came
      }
      const base = name.replace(/\[.*$/, "").toLowerCase();
      return secrets.has(base) ? `${pair.slice(0, eq)}=***` : pair;
    });
  return `${url.slice(0, q)}?${pairs.join("&")}`;
}

/** A copy of `params` with the value of every secret parameter (any depth) replaced. */
export function redactParams(params: JsonObject, secrets: ReadonlySet<string>): JsonObject {
  const redact = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([name, inner]) => [
          name,
          secrets.has(name.toLowerCase()) ? "***" : redact(inner),
        ]),
      );
    }
    return value;
  };
  return redact(params) as JsonObject;
}
