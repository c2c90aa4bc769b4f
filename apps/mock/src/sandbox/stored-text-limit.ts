// The sandbox's own cap on a text value it stores. The product documents no length limit for
// any text field (neither the manual nor the vendor's reference gives one), so this is a limit
// of the sandbox, not a claim about the real server: it keeps one tenant from storing text that
// makes every later read or search slow for every tenant. docs/security.md lists it.
import type { Json, JsonObject } from "../spec/description.js";
import { invalidParameters, type Problem } from "../spec/problem.js";

/** Characters in one stored text value; MySQL's TEXT column holds as many bytes (a guess). */
export const STORED_TEXT_LIMIT = 65_535;

function tooLong(value: Json, name: string, found: string[]): void {
  if (typeof value === "string") {
    if (value.length > STORED_TEXT_LIMIT) found.push(name);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => tooLong(item, `${name}[${index}]`, found));
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) tooLong(inner, `${name}[${key}]`, found);
  }
}

/** A 428 naming each parameter whose text is over the cap, or undefined when none is. */
export function overlongText(params: JsonObject): Problem | undefined {
  const found: string[] = [];
  for (const [name, value] of Object.entries(params)) tooLong(value, name, found);
  if (found.length === 0) return undefined;
  return invalidParameters(
    found.map((name) => ({
      name,
      reason: `is longer than the sandbox's limit of ${STORED_TEXT_LIMIT} characters`,
      expected: `text of at most ${STORED_TEXT_LIMIT} characters (a limit of this sandbox, not of the product)`,
    })),
  );
}
